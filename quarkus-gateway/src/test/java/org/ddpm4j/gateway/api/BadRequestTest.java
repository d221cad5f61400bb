package org.ddpm4j.gateway.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.stream.Stream;
import org.ddpm4j.gateway.problem.Problem;
import org.ddpm4j.gateway.testing.TestModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input of every kind is a 4xx problem+json that names the field at fault, never a 500 or a stack trace. */
@QuarkusTest
@QuarkusTestResource(value = TestModels.class, restrictToAnnotatedClass = false)
class BadRequestTest {
  private static final String JSON = "application/json";
  private static final String IMAGES = "/v1/images";
  private static final String STREAM = "/v1/images/stream";

  /**
   * One bad request.
   *
   * @param field the field the problem must name, or null when it names none
   */
  record Case(String name, String method, String path, String contentType, String accept, String body, int status,
      String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case post(String name, String body, int status, String field) {
    return new Case(name, "POST", IMAGES, JSON, null, body, status, field);
  }

  static Stream<Case> cases() {
    return Stream.of(
        post("n is a word", "{\"n\":\"five\"}", 400, "n"),
        post("n is a fraction", "{\"n\":1.5}", 400, "n"),
        post("n is a numeric string", "{\"n\":\"2\"}", 400, "n"),
        post("n is a boolean", "{\"n\":true}", 400, "n"),
        post("n is an object", "{\"n\":{}}", 400, "n"),
        post("n is zero", "{\"n\":0}", 400, "n"),
        post("n is negative", "{\"n\":-3}", 400, "n"),
        post("n is over 64", "{\"n\":65,\"format\":\"json\"}", 400, "n"),
        post("n is huge", "{\"n\":99999999999}", 400, "n"),
        post("steps is zero", "{\"steps\":0}", 400, "steps"),
        post("steps is over 1000", "{\"steps\":1001}", 400, "steps"),
        post("steps is a word", "{\"steps\":\"ten\"}", 400, "steps"),
        post("n x steps over the cap", "{\"n\":10,\"steps\":300,\"format\":\"json\"}", 400, "steps"),
        post("max n and max steps together", "{\"n\":64,\"steps\":1000,\"format\":\"json\"}", 400, "steps"),
        post("unknown sampler", "{\"sampler\":\"euler\"}", 400, "sampler"),
        post("empty sampler", "{\"sampler\":\"\"}", 400, "sampler"),
        post("sampler is a number", "{\"sampler\":3}", 400, "sampler"),
        post("eta is negative", "{\"eta\":-0.1}", 400, "eta"),
        post("eta is over one", "{\"eta\":1.5}", 400, "eta"),
        post("eta with ddpm", "{\"sampler\":\"ddpm\",\"eta\":0.3}", 400, "eta"),
        post("eta is a word", "{\"eta\":\"x\"}", 400, "eta"),
        post("unknown format", "{\"format\":\"gif\"}", 400, "format"),
        post("png for several images", "{\"n\":2,\"format\":\"png\"}", 400, "format"),
        post("seed is a word", "{\"seed\":\"abc\"}", 400, "seed"),
        post("seed is a fraction", "{\"seed\":1.5}", 400, "seed"),
        post("seed beyond 64 bits", "{\"seed\":99999999999999999999}", 400, "seed"),
        post("previewEvery is negative", "{\"previewEvery\":-1}", 400, "previewEvery"),
        post("model climbs out", "{\"model\":\"../tiny\"}", 400, "model"),
        post("model is an absolute path", "{\"model\":\"/etc/passwd\"}", 400, "model"),
        post("model walks back in", "{\"model\":\"tiny/../tiny\"}", 400, "model"),
        post("model is url-encoded traversal", "{\"model\":\"..%2F..%2Fetc\"}", 400, "model"),
        post("model id too long", "{\"model\":\"" + "a".repeat(65) + "\"}", 400, "model"),
        post("model is a number", "{\"model\":5}", 400, "model"),
        post("model is a link out of the directory", "{\"model\":\"escape\"}", 404, "model"),
        post("model folder without weights", "{\"model\":\"half-model\"}", 404, "model"),
        post("unknown model", "{\"model\":\"nope\"}", 404, "model"),
        post("unknown field", "{\"stepz\":4}", 400, "stepz"),
        post("malformed JSON (cut short after n)", "{\"n\":", 400, "n"),
        post("not JSON", "hello", 400, null),
        post("a JSON array", "[1,2]", 400, null),
        post("empty body", "", 400, null),
        post("two objects", "{} {}", 400, null),
        new Case("wrong content type", "POST", IMAGES, "text/plain", null, "{}", 415, "Content-Type"),
        new Case("xml content type", "POST", IMAGES, "application/xml", null, "<n>1</n>", 415, "Content-Type"),
        new Case("unacceptable Accept", "POST", IMAGES, JSON, "text/html", "{}", 406, "Accept"),
        new Case("GET on a POST endpoint", "GET", IMAGES, null, null, null, 405, null),
        new Case("no such path", "GET", "/v1/nothing", null, null, null, 404, null),
        new Case("stream: steps out of range", "POST", STREAM, JSON, null, "{\"steps\":5000}", 400, "steps"),
        new Case("stream: malformed JSON", "POST", STREAM, JSON, null, "{", 400, null),
        new Case("stream: unknown model", "POST", STREAM, JSON, null, "{\"model\":\"nope\"}", 404, "model"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAProblemNamingTheField(Case c) {
    RequestSpecification request = given();
    if (c.contentType() != null) {
      request = request.contentType(c.contentType());
    }
    if (c.accept() != null) {
      request = request.accept(c.accept());
    }
    if (c.body() != null) {
      request = request.body(c.body());
    }
    Response response = request.request(c.method(), c.path());
    String body = response.asString();
    assertEquals(c.status(), response.statusCode(), body);
    assertTrue(response.contentType().startsWith(Problem.MEDIA_TYPE), response.contentType() + ": " + body);
    assertEquals(c.status(), response.jsonPath().getInt("status"), body);
    assertNotNull(response.jsonPath().getString("title"), body);
    assertNotNull(response.jsonPath().getString("detail"), body);
    assertEquals(c.field(), response.jsonPath().getString("field"), body);
    if (c.field() != null && c.status() == 400) {
      assertNotNull(response.jsonPath().getString("rule"), "a 400 names the rule: " + body);
    }
    assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("java."),
        "no Java internals in the answer: " + body);
  }
}
