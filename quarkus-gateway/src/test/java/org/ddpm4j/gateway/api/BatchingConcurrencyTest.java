package org.ddpm4j.gateway.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.ddpm4j.gateway.testing.InProcessSampler;
import org.ddpm4j.gateway.testing.Metrics;
import org.ddpm4j.gateway.testing.TestModels;
import org.ddpm4j.image.Uint8Images;
import org.junit.jupiter.api.Test;

/**
 * Concurrent requests share U-Net forwards (seen in the batch metrics) and still get their own images: equal to the
 * unbatched in-process sampler up to one 8-bit level (a 1e-4 difference in x0 moves a pixel by at most 0.013 levels,
 * so at most one rounding flips); the float tolerance itself is checked in BatchedSamplingTest.
 */
@QuarkusTest
@QuarkusTestResource(value = TestModels.class, restrictToAnnotatedClass = false)
class BatchingConcurrencyTest {
  private static final int CLIENTS = 6;
  private static final int N = 2;
  private static final int STEPS = 8;

  @Test
  void concurrentRequestsShareForwardsAndMatchUnbatchedImages() throws Exception {
    double forwardsBefore = Metrics.value("ddpm4j_gateway_batch_requests_count");
    double rowsBefore = Metrics.value("ddpm4j_gateway_batch_rows_sum");
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<JsonPath>> answers = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      String body = "{\"n\":" + N + ",\"seed\":" + (100 + c) + ",\"sampler\":\"ddim\",\"steps\":" + STEPS
          + ",\"format\":\"json\"}";
      answers.add(clients.submit(() -> given().contentType(ContentType.JSON).body(body).post("/v1/images")
          .then().statusCode(200).extract().jsonPath()));
    }
    List<JsonPath> results = new ArrayList<>();
    for (Future<JsonPath> a : answers) {
      results.add(a.get());
    }
    clients.shutdown();

    double forwards = Metrics.value("ddpm4j_gateway_batch_requests_count") - forwardsBefore;
    double rows = Metrics.value("ddpm4j_gateway_batch_rows_sum") - rowsBefore;
    assertEquals(CLIENTS * N * STEPS, rows, 0.0, "every row of every step went through a forward once");
    assertTrue(forwards < CLIENTS * STEPS, "requests shared forwards: " + forwards + " forwards for " + CLIENTS
        + " requests of " + STEPS + " steps");

    InProcessSampler reference = InProcessSampler.tiny();
    for (int c = 0; c < CLIENTS; c++) {
      Uint8Images expected = reference.images("ddim", STEPS, 0, 100 + c, N);
      List<String> images = results.get(c).getList("images");
      for (int i = 0; i < N; i++) {
        assertAtMostOneLevelApart(expected, i, Base64.getDecoder().decode(images.get(i)), "client " + c);
      }
    }
  }

  private static void assertAtMostOneLevelApart(Uint8Images expected, int index, byte[] png, String what)
      throws IOException {
    BufferedImage got = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(expected.width(), got.getWidth());
    for (int y = 0; y < expected.height(); y++) {
      for (int x = 0; x < expected.width(); x++) {
        int rgb = got.getRGB(x, y);
        int[] channels = {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
        for (int ch = 0; ch < 3; ch++) {
          int diff = Math.abs(channels[ch] - expected.get(index, y, x, ch));
          assertTrue(diff <= 1, what + " image " + index + " pixel (" + x + "," + y + ") channel " + ch + " differs by "
              + diff);
        }
      }
    }
  }
}
