package org.ddpm4j.gateway.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.ddpm4j.gateway.testing.InProcessSampler;
import org.ddpm4j.gateway.testing.Metrics;
import org.ddpm4j.gateway.testing.SseEvents;
import org.ddpm4j.gateway.testing.TestModels;
import org.ddpm4j.image.PngWriter;
import org.ddpm4j.image.Uint8Images;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The event stream: its order and content, and that a client that goes away stops its work. */
@QuarkusTest
@QuarkusTestResource(value = TestModels.class, restrictToAnnotatedClass = false)
class StreamTest {
  @ConfigProperty(name = "quarkus.http.test-port")
  int port;

  @Test
  void stepsInOrderPreviewsEveryMStepsThenTheResult() {
    String body = given().contentType(ContentType.JSON).accept("text/event-stream")
        .body("{\"n\":2,\"seed\":3,\"sampler\":\"ddim\",\"steps\":6,\"previewEvery\":2,\"format\":\"json\"}")
        .post("/v1/images/stream").then().statusCode(200).contentType("text/event-stream").extract().asString();
    List<SseEvents.Event> events = SseEvents.parse(body);
    List<String> names = events.stream().map(SseEvents.Event::name).toList();
    assertEquals(List.of("step", "step", "preview", "step", "step", "preview", "step", "step", "result"), names);
    int step = 0;
    for (SseEvents.Event e : events) {
      JsonPath data = JsonPath.from(e.data());
      if (e.name().equals("step")) {
        step++;
        assertEquals(step, data.getInt("step"));
        assertEquals(6, data.getInt("steps"));
        assertEquals(step + "/6", data.getString("progress"));
      } else if (e.name().equals("preview")) {
        assertEquals(step, data.getInt("step"));
        byte[] png = Base64.getDecoder().decode(data.getString("image"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
      }
    }
    JsonPath result = JsonPath.from(events.get(events.size() - 1).data());
    Uint8Images expected = InProcessSampler.tiny().images("ddim", 6, 0, 3, 2);
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(PngWriter.encode(expected, i), Base64.getDecoder().decode(result.getString("images[" + i + "]")));
    }
  }

  @Test
  void aStreamClientThatHangsUpCancelsItsJob() throws Exception {
    double before = Metrics.value("ddpm4j_gateway_request_seconds_count{endpoint=\"stream\",outcome=\"cancelled\"");
    try (Socket socket = new Socket("localhost", port)) {
      send(socket, "/v1/images/stream", "{\"n\":1,\"steps\":1000,\"previewEvery\":0}");
      InputStream in = socket.getInputStream();
      StringBuilder seen = new StringBuilder();
      while (!seen.toString().contains("event:")) {
        int b = in.read();
        assertTrue(b >= 0, "stream ended early: " + seen);
        seen.append((char) b);
      }
    }
    awaitCancelled("stream", before);
  }

  @Test
  void aPlainClientThatHangsUpCancelsItsJob() throws Exception {
    double before = Metrics.value("ddpm4j_gateway_request_seconds_count{endpoint=\"images\",outcome=\"cancelled\"");
    try (Socket socket = new Socket("localhost", port)) {
      send(socket, "/v1/images", "{\"n\":1,\"steps\":1000}");
      waitForRunningRows();
    }
    awaitCancelled("images", before);
  }

  private static void send(Socket socket, String path, String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    OutputStream out = socket.getOutputStream();
    out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private static void waitForRunningRows() throws InterruptedException {
    long end = System.nanoTime() + 30_000_000_000L;
    while (Metrics.value("ddpm4j_gateway_running_rows") < 1) {
      assertTrue(System.nanoTime() < end, "the job never started");
      Thread.sleep(20);
    }
  }

  private static void awaitCancelled(String endpoint, double before) throws InterruptedException {
    long end = System.nanoTime() + 30_000_000_000L;
    String series = "ddpm4j_gateway_request_seconds_count{endpoint=\"" + endpoint + "\",outcome=\"cancelled\"";
    while (Metrics.value(series) <= before) {
      assertTrue(System.nanoTime() < end, "the job of a client that hung up was not cancelled");
      Thread.sleep(50);
    }
    while (Metrics.value("ddpm4j_gateway_running_rows") > 0) {
      assertTrue(System.nanoTime() < end, "rows still running after the cancel");
      Thread.sleep(20);
    }
  }
}
