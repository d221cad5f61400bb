package org.ddpm4j.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.ddpm4j.gateway.problem.Problem;
import org.ddpm4j.gateway.testing.TestModels;
import org.junit.jupiter.api.Test;

/** The model listing: only real model folders inside the directory, described from their own files. */
@QuarkusTest
@QuarkusTestResource(value = TestModels.class, restrictToAnnotatedClass = false)
class ModelsResourceTest {
  @Test
  void listsOnlyModelFoldersInsideTheDirectory() {
    JsonPath body = given().get("/v1/models").then().statusCode(200).extract().jsonPath();
    assertEquals(TestModels.TINY, body.getString("defaultModel"));
    assertEquals(List.of(TestModels.TINY), body.getList("models.id"), "half-model has no weights; escape links out");
    assertEquals(16, body.getInt("models[0].resolution"));
    assertEquals(3, body.getInt("models[0].channels"));
    // 702,499 parameters: the count the golden data's README gives for the tiny U-Net
    assertEquals(702_499L, body.getLong("models[0].parameters"));
    assertEquals("UNet2DModel", body.getString("models[0].config._class_name"));
    assertEquals("linear", body.getString("models[0].scheduler.beta_schedule"));
  }

  @Test
  void describesOneModel() {
    given().get("/v1/models/tiny").then().statusCode(200).body("id", equalTo("tiny")).body("resolution", equalTo(16));
  }

  @Test
  void unknownLinkedOutAndTraversingIdsAreProblems() {
    for (String id : List.of("nope", "escape", "half-model")) {
      given().get("/v1/models/" + id).then().statusCode(404).contentType(startsWith(Problem.MEDIA_TYPE))
          .body("field", equalTo("model"));
    }
    given().get("/v1/models/.tiny").then().statusCode(400).contentType(startsWith(Problem.MEDIA_TYPE))
        .body("field", equalTo("model"));
    int status = given().urlEncodingEnabled(false).get("/v1/models/..%2F..%2Fetc").then()
        .contentType(startsWith(Problem.MEDIA_TYPE)).extract().statusCode();
    assertEquals(true, status == 400 || status == 404, "status " + status);
  }
}
