package org.ddpm4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.ddpm4j.io.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossCurveTest {
  @TempDir Path tmp;

  @Test
  void movingAverageOverTheWindowAndShorterAtTheStart() {
    assertArrayEquals(new double[] {1, 1.5, 2.5, 3.5},
        new LossCurve(10, 10, 2).movingAverage(new double[] {1, 2, 3, 4}), 1e-12);
  }

  @Test
  void plotsTheLogWithBlackAverageLine() throws IOException {
    StringBuilder log = new StringBuilder();
    for (int s = 1; s <= 300; s++) {
      log.append("{\"step\":").append(s).append(",\"loss\":").append(1.0 / s).append(",\"lr\":0.0}\n");
    }
    Path file = Files.writeString(tmp.resolve("train_log.jsonl"), log);
    Path png = tmp.resolve("loss.png");
    new LossCurve(400, 200, 10).write(file, png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(400, image.getWidth());
    assertEquals(200, image.getHeight());
    int black = 0;
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 400; x++) {
        if ((image.getRGB(x, y) & 0xffffff) == 0) {
          black++;
        }
      }
    }
    assertTrue(black > 300, "the average line and the labels are drawn in black: " + black + " pixels");
  }

  @Test
  void anEmptyOrMalformedLogIsNamed() throws IOException {
    Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "\n");
    assertEquals(empty + ": the training log is empty", assertThrows(CheckpointException.class,
        () -> LossCurve.DEFAULT.write(empty, tmp.resolve("a.png"))).getMessage());
    Path bad = Files.writeString(tmp.resolve("bad.jsonl"), "{\"step\":1,\"loss\":0.5}\n{\"step\":2}\n");
    assertEquals(bad + ": line 2 is not a training log record", assertThrows(CheckpointException.class,
        () -> LossCurve.DEFAULT.write(bad, tmp.resolve("b.png"))).getMessage());
  }
}
