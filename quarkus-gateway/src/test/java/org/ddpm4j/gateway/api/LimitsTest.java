package org.ddpm4j.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ddpm4j.gateway.problem.Problem;
import org.ddpm4j.gateway.testing.Metrics;
import org.ddpm4j.gateway.testing.TestModels;
import org.junit.jupiter.api.Test;

/** Back-pressure: a full queue answers 503 with Retry-After, and a request past its deadline answers 504. */
@QuarkusTest
@TestProfile(LimitsTest.TightLimits.class)
@QuarkusTestResource(value = TestModels.class, restrictToAnnotatedClass = false)
class LimitsTest {
  /** One request at a time, one waiting, a one-second deadline. */
  public static final class TightLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("ddpm4j.gateway.batching.enabled", "false", "ddpm4j.gateway.batching.queue-capacity", "1",
          "ddpm4j.gateway.batching.deadline", "1s", "ddpm4j.gateway.batching.retry-after-seconds", "3",
          "ddpm4j.gateway.limits.max-work", "64000");
    }
  }

  private static final String LONG = "{\"n\":8,\"steps\":1000,\"format\":\"json\"}";

  @Test
  void aFullQueueAnswers503WithRetryAfterAndLongRequestsHitTheirDeadline() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<Response>> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(clients.submit(() -> given().contentType(ContentType.JSON).body(LONG).post("/v1/images")));
    }
    int unavailable = 0;
    int deadline = 0;
    for (Future<Response> a : answers) {
      Response r = a.get();
      assertTrue(r.contentType().startsWith(Problem.MEDIA_TYPE), r.asString());
      if (r.statusCode() == 503) {
        unavailable++;
        assertEquals("3", r.header("Retry-After"));
        assertTrue(r.jsonPath().getString("detail").contains("queue"), r.asString());
      } else {
        assertEquals(504, r.statusCode(), r.asString());
        deadline++;
        assertTrue(r.jsonPath().getString("detail").contains("1000 ms"), r.asString());
      }
    }
    clients.shutdown();
    assertTrue(unavailable >= 1, "at most two of four fit (one running, one waiting)");
    assertTrue(deadline >= 1, "the running one ran past its deadline");
    assertTrue(Metrics.value("ddpm4j_gateway_rejected_total") >= unavailable);
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void theDefaultWorkCapStillHolds() {
    given().contentType(ContentType.JSON).body("{\"n\":65}").post("/v1/images").then().statusCode(400)
        .contentType(startsWith(Problem.MEDIA_TYPE)).body("field", equalTo("n"));
  }
}
