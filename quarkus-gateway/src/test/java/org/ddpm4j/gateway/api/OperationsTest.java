package org.ddpm4j.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.ddpm4j.gateway.testing.TestModels;
import org.junit.jupiter.api.Test;

/** Health, metrics, OpenAPI, Swagger UI, CORS and the web page's files. */
@QuarkusTest
@QuarkusTestResource(value = TestModels.class, restrictToAnnotatedClass = false)
class OperationsTest {
  @Test
  void readyOnceTheDefaultModelIsLoadedAndAlive() throws InterruptedException {
    long end = System.nanoTime() + 120_000_000_000L;
    while (given().get("/q/health/ready").statusCode() != 200) {
      assertTrue(System.nanoTime() < end, "not ready within 2 minutes: " + given().get("/q/health/ready").asString());
      Thread.sleep(100);
    }
    given().get("/q/health/ready").then().body("checks.find { it.name == 'default-model' }.data.model",
        equalTo(TestModels.TINY));
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void prometheusMetricsAreExported() {
    given().contentType(ContentType.JSON).body("{\"steps\":2}").post("/v1/images").then().statusCode(200);
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    for (String name : new String[] {"ddpm4j_gateway_request_seconds_bucket", "ddpm4j_gateway_queue_depth",
        "ddpm4j_gateway_running_rows", "ddpm4j_gateway_batch_rows_count", "ddpm4j_gateway_batch_requests_max",
        "ddpm4j_gateway_images_total", "ddpm4j_gateway_rejected_total"}) {
      assertTrue(metrics.contains(name), name + " missing");
    }
  }

  @Test
  void openApiDocumentsTheEndpointsAndSwaggerUiIsServed() {
    given().get("/q/openapi?format=json").then().statusCode(200)
        .body("paths.'/v1/images'.post.requestBody.content.'application/json'.schema.$ref",
            containsString("ImageRequest"))
        .body("paths.'/v1/models'.get", org.hamcrest.Matchers.notNullValue())
        .body("paths.'/v1/images/stream'.post", org.hamcrest.Matchers.notNullValue());
    given().get("/q/swagger-ui/").then().statusCode(200);
  }

  @Test
  void corsAllowsOnlyConfiguredOrigins() {
    given().header("Origin", "http://allowed.test").header("Access-Control-Request-Method", "POST")
        .options("/v1/images").then().header("Access-Control-Allow-Origin", equalTo("http://allowed.test"));
    given().header("Origin", "http://other.test").header("Access-Control-Request-Method", "POST")
        .options("/v1/images").then().header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void theWebPageAndItsScriptAreServed() {
    given().get("/").then().statusCode(200).contentType(containsString("text/html"))
        .body(containsString("id=\"generate\""));
    given().get("/app.js").then().statusCode(200).body(containsString("/v1/images/stream"));
  }
}
