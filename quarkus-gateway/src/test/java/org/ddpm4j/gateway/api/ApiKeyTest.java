package org.ddpm4j.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.ddpm4j.gateway.problem.Problem;
import org.ddpm4j.gateway.testing.TestModels;
import org.junit.jupiter.api.Test;

/** With API keys on, /v1 needs one of the keys; health and the page stay open. */
@QuarkusTest
@TestProfile(ApiKeyTest.KeysOn.class)
@QuarkusTestResource(value = TestModels.class, restrictToAnnotatedClass = false)
class ApiKeyTest {
  /** Two accepted keys. */
  public static final class KeysOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("ddpm4j.gateway.auth.enabled", "true", "ddpm4j.gateway.auth.api-keys", "k-one,k-two");
    }
  }

  @Test
  void aMissingOrWrongKeyIs401AndAGoodKeyPasses() {
    given().get("/v1/models").then().statusCode(401).contentType(startsWith(Problem.MEDIA_TYPE))
        .body("field", equalTo("X-API-Key")).header("WWW-Authenticate", startsWith("ApiKey"));
    given().header("X-API-Key", "k-three").get("/v1/models").then().statusCode(401)
        .contentType(startsWith(Problem.MEDIA_TYPE));
    given().header("X-API-Key", "k-two").get("/v1/models").then().statusCode(200)
        .body("defaultModel", equalTo(TestModels.TINY));
    given().header("X-API-Key", "k-one").contentType("application/json").body("{\"steps\":1}").post("/v1/images")
        .then().statusCode(200);
  }

  @Test
  void healthAndThePageNeedNoKey() {
    given().get("/q/health/live").then().statusCode(200);
    given().get("/").then().statusCode(200);
  }
}
