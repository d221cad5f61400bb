package org.ddpm4j.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.ddpm4j.image.Uint8Images;
import org.junit.jupiter.api.Test;

class BatcherTest {

  /** n RGB images of 2 x 3 whose byte at (c, y, x) of image i is i + 10c + 3y + x (all distinct within an image). */
  static Uint8Dataset dataset(int n) {
    byte[] px = new byte[n * 18];
    for (int i = 0; i < n; i++) {
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 3; x++) {
          for (int c = 0; c < 3; c++) {
            px[((i * 2 + y) * 3 + x) * 3 + c] = (byte) (i + 10 * c + 3 * y + x);
          }
        }
      }
    }
    return new Uint8Dataset(new Uint8Images(n, 2, 3, 3, px), null, Path.of("test"));
  }

  private static int[] stream(Batcher b, int steps) {
    return IntStream.range(0, steps).flatMap(s -> Arrays.stream(b.plan(s).indices())).toArray();
  }

  @Test
  void everyEpochVisitsEachImageOnceAndEpochsDiffer() {
    Batcher b = new Batcher(dataset(12), new BatchConfig(4, 7, false));
    int[] s = stream(b, 6); // two epochs
    int[] first = Arrays.copyOfRange(s, 0, 12);
    int[] second = Arrays.copyOfRange(s, 12, 24);
    assertFalse(Arrays.equals(first, second), "two epochs in the same order");
    assertFalse(Arrays.equals(first, IntStream.range(0, 12).toArray()), "not shuffled");
    Arrays.sort(first);
    Arrays.sort(second);
    assertArrayEquals(IntStream.range(0, 12).toArray(), first);
    assertArrayEquals(IntStream.range(0, 12).toArray(), second);
  }

  @Test
  void batchOfAStepDependsOnlyOnSeedAndStep() {
    Batcher a = new Batcher(dataset(10), new BatchConfig(3, 42, true));
    Batcher b = new Batcher(dataset(10), new BatchConfig(3, 42, true));
    // b starts at step 57 (as after a resume): same batches, flips included
    for (int step : new int[] {57, 3, 0, 58, 1000}) {
      Batch x = a.plan(step);
      Batch y = b.plan(step);
      assertArrayEquals(x.indices(), y.indices(), "step " + step);
      assertArrayEquals(x.flipped(), y.flipped(), "step " + step);
    }
    Batcher other = new Batcher(dataset(10), new BatchConfig(3, 43, true));
    assertNotEquals(Arrays.toString(stream(a, 10)), Arrays.toString(stream(other, 10)));
  }

  @Test
  void streamDoesNotDependOnBatchSizeNorOnFlips() {
    // 10 images; batch sizes 4 and 6 cover the same 3 epochs of the stream (batches straddle epoch boundaries)
    int[] by4 = stream(new Batcher(dataset(10), new BatchConfig(4, 5, false)), 15);
    int[] by6 = stream(new Batcher(dataset(10), new BatchConfig(6, 5, true)), 10);
    assertArrayEquals(by4, by6);
  }

  @Test
  void flipsMirrorAboutHalfTheImages() {
    Uint8Dataset data = dataset(50);
    Batcher b = new Batcher(data, new BatchConfig(10, 3, true));
    float[] batch = new float[10 * 18];
    float[] original = new float[18];
    int flipped = 0;
    for (int step = 0; step < 20; step++) {
      Batch plan = b.plan(step);
      b.fill(step, batch);
      for (int j = 0; j < 10; j++) {
        data.get(plan.indices()[j], original, 0);
        for (int row = 0; row < 6; row++) { // 3 channels x 2 rows
          for (int x = 0; x < 3; x++) {
            int src = row * 3 + (plan.flipped()[j] ? 2 - x : x);
            assertEquals(original[src], batch[j * 18 + row * 3 + x], "step " + step + " row " + j);
          }
        }
        flipped += plan.flipped()[j] ? 1 : 0;
      }
    }
    // 200 fair coin flips: 100 +- 4.5 sigma (sigma = 7.1)
    assertTrue(flipped > 68 && flipped < 132, flipped + " of 200 flipped");
    assertFalse(IntStream.range(0, 20).anyMatch(s -> {
      boolean[] f = new Batcher(data, new BatchConfig(10, 3, false)).plan(s).flipped();
      for (boolean v : f) {
        if (v) {
          return true;
        }
      }
      return false;
    }), "flipped without randomFlip");
  }

  @Test
  void imagesAreAFloatNdArrayOfTheBatch() {
    Uint8Dataset data = dataset(5);
    Batcher b = new Batcher(data, new BatchConfig(3, 1, false));
    float[] expected = new float[3 * 18];
    b.fill(2, expected);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = b.images(m, 2);
      assertEquals(new Shape(3, 3, 2, 3), x.getShape());
      assertEquals(DataType.FLOAT32, x.getDataType());
      assertArrayEquals(expected, x.toFloatArray());
    }
    // and fill() puts image plan[j] at row j
    float[] one = new float[18];
    data.get(b.plan(2).indices()[1], one, 0);
    assertArrayEquals(one, Arrays.copyOfRange(expected, 18, 36));
  }
}
