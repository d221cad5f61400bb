package org.ddpm4j.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Base64;
import java.util.List;
import org.ddpm4j.gateway.testing.InProcessSampler;
import org.ddpm4j.gateway.testing.TestModels;
import org.ddpm4j.image.GridLayout;
import org.ddpm4j.image.ImageGrid;
import org.ddpm4j.image.PngWriter;
import org.ddpm4j.image.Uint8Images;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TestModels.class, restrictToAnnotatedClass = false)
class ImagesResourceTest {
  private static final InProcessSampler REFERENCE = InProcessSampler.tiny();

  @Test
  void aPngRequestThatRanAloneIsByteIdenticalToTheInProcessSampler() {
    byte[] png = given().contentType(ContentType.JSON)
        .body("{\"model\":\"tiny\",\"n\":1,\"seed\":42,\"sampler\":\"ddim\",\"steps\":4,\"format\":\"png\"}")
        .post("/v1/images")
        .then().statusCode(200).contentType("image/png").header(ImagesResource.SEED_HEADER, equalTo("42"))
        .extract().asByteArray();
    assertArrayEquals(PngWriter.encode(REFERENCE.images("ddim", 4, 0, 42, 1), 0), png);
  }

  @Test
  void aGridHoldsEveryImageOfTheSeedInIndexOrder() {
    byte[] png = given().contentType(ContentType.JSON)
        .body("{\"n\":3,\"seed\":7,\"sampler\":\"dpmpp\",\"steps\":3,\"format\":\"grid\"}")
        .post("/v1/images").then().statusCode(200).contentType("image/png").extract().asByteArray();
    Uint8Images expected = REFERENCE.images("dpmpp", 3, 0, 7, 3);
    assertArrayEquals(PngWriter.encode(ImageGrid.compose(expected, GridLayout.square(3)), 0), png);
  }

  @Test
  void jsonCarriesBase64PngsAndTheSettingsUsed() {
    JsonPath body = given().contentType(ContentType.JSON)
        .body("{\"n\":2,\"seed\":5,\"sampler\":\"ddpm\",\"steps\":3,\"format\":\"json\"}")
        .post("/v1/images").then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    assertEquals("tiny", body.getString("settings.model"));
    assertEquals(5L, body.getLong("settings.seed"));
    assertEquals("ddpm", body.getString("settings.sampler"));
    assertEquals(3, body.getInt("settings.steps"));
    assertEquals(16, body.getInt("width"));
    Uint8Images expected = REFERENCE.images("ddpm", 3, 0, 5, 2);
    List<String> images = body.getList("images");
    assertEquals(2, images.size());
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(PngWriter.encode(expected, i), Base64.getDecoder().decode(images.get(i)), "image " + i);
    }
  }

  @Test
  void ddimWithEtaUsesSeededStepNoise() {
    JsonPath body = given().contentType(ContentType.JSON)
        .body("{\"n\":1,\"seed\":9,\"sampler\":\"ddim\",\"eta\":0.5,\"steps\":3,\"format\":\"json\"}")
        .post("/v1/images").then().statusCode(200).extract().jsonPath();
    assertArrayEquals(PngWriter.encode(REFERENCE.images("ddim", 3, 0.5, 9, 1), 0),
        Base64.getDecoder().decode(body.getString("images[0]")));
  }

  @Test
  void aMissingSeedIsChosenAndReported() {
    JsonPath body = given().contentType(ContentType.JSON).body("{\"steps\":2,\"format\":\"json\"}")
        .post("/v1/images").then().statusCode(200).extract().jsonPath();
    long seed = body.getLong("settings.seed");
    assertArrayEquals(PngWriter.encode(REFERENCE.images("ddim", 2, 0, seed, 1), 0),
        Base64.getDecoder().decode(body.getString("images[0]")));
  }
}
