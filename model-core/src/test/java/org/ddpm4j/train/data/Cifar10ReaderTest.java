package org.ddpm4j.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {
  @TempDir Path dir;

  /** {@code n} records; record r has label (first + r) % 10 and pixel byte (c, y, x) = first + r + c + 7y + 3x. */
  static byte[] records(int first, int n) {
    byte[] b = new byte[n * 3073];
    for (int r = 0; r < n; r++) {
      b[r * 3073] = (byte) ((first + r) % 10);
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < 32; y++) {
          for (int x = 0; x < 32; x++) {
            b[r * 3073 + 1 + c * 1024 + y * 32 + x] = (byte) (first + r + c + 7 * y + 3 * x);
          }
        }
      }
    }
    return b;
  }

  @Test
  void readsTrainingBatchesInNumericOrderAsChw() throws IOException {
    // batches 1, 2 and 10 hold records starting at 0, 2 and 4: numeric order gives 0..5, name order would not
    Files.write(dir.resolve("data_batch_10.bin"), records(4, 2));
    Files.write(dir.resolve("data_batch_1.bin"), records(0, 2));
    Files.write(dir.resolve("data_batch_2.bin"), records(2, 2));
    Files.write(dir.resolve("test_batch.bin"), records(100, 3));
    Files.writeString(dir.resolve("batches.meta.txt"), "airplane\n");
    Uint8Dataset train = Datasets.open(new DatasetConfig(DatasetKind.CIFAR10, dir, Split.TRAIN, 32, 3));
    assertEquals(6, train.size());
    assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 0, 0, 0, 0}, train.labels().orElseThrow().counts());
    float[] img = new float[3 * 32 * 32];
    for (int r = 0; r < 6; r++) {
      train.get(r, img, 0);
      assertEquals(r, train.labels().orElseThrow().get(r));
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < 32; y++) {
          for (int x = 0; x < 32; x++) {
            int v = (r + c + 7 * y + 3 * x) & 0xFF;
            String at = "record " + r + " c" + c + " y" + y + " x" + x;
            assertEquals(2.0 * v / 255 - 1, img[c * 1024 + y * 32 + x], 1e-6, at);
          }
        }
      }
    }
    Uint8Dataset test = Cifar10Reader.open(dir, Split.TEST);
    assertEquals(3, test.size());
    assertEquals(dir.resolve("test_batch.bin"), test.source());
    assertEquals((100 + 2 + 1 + 7 * 5 + 3 * 6) & 0xFF, test.images().get(2, 5, 6, 1)); // NHWC view
    assertEquals(2, Cifar10Reader.open(dir.resolve("data_batch_2.bin"), Split.TEST).size()); // a file: no split
  }

  @Test
  void rejectsMalformedFilesNamingFileAndProblem() throws IOException {
    Path truncated = Files.write(dir.resolve("trunc.bin"), Arrays.copyOf(records(0, 3), 2 * 3073 + 100));
    Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
    byte[] labelled = records(0, 3);
    labelled[2 * 3073] = 10;
    Path badLabel = Files.write(dir.resolve("label.bin"), labelled);
    Path noBatches = Files.createDirectory(dir.resolve("nothing"));
    Path ok = Files.write(dir.resolve("ok.bin"), records(0, 1));
    Map<String, Supplier<?>> cases = new LinkedHashMap<>();
    cases.put(truncated + ": truncated record 2 (expected 3073 bytes per record, found 100)",
        () -> Cifar10Reader.open(truncated, Split.TRAIN));
    cases.put(empty + ": empty file, no CIFAR-10 record", () -> Cifar10Reader.open(empty, Split.TRAIN));
    cases.put(badLabel + ": record 2: label 10 out of range 0..9", () -> Cifar10Reader.open(badLabel, Split.TRAIN));
    cases.put(noBatches + ": no data_batch_*.bin file", () -> Cifar10Reader.open(noBatches, Split.TRAIN));
    cases.put(noBatches.resolve("test_batch.bin") + ": no such file", () -> Cifar10Reader.open(noBatches, Split.TEST));
    cases.put(ok + ": wrong image size: cifar10 images are 32x32 with 3 channel(s), but the model takes 28x28 with 1",
        () -> Datasets.open(new DatasetConfig(DatasetKind.CIFAR10, ok, Split.TRAIN, 28, 1)));
    for (var c : cases.entrySet()) {
      DatasetException e = assertThrows(DatasetException.class, c.getValue()::get, c.getKey());
      assertTrue(e.getMessage().startsWith(c.getKey()), "expected '" + c.getKey() + "...', got: " + e.getMessage());
    }
  }
}
