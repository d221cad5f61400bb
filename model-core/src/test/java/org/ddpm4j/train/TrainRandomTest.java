package org.ddpm4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrainRandomTest {

  @Test
  void drawsArePureFunctionsOfSeedAndStep() {
    TrainRandom a = new TrainRandom(42);
    TrainRandom b = new TrainRandom(42);
    a.timesteps(0, 8, 1000);
    assertArrayEquals(a.timesteps(7, 16, 1000), b.timesteps(7, 16, 1000));
    assertEquals(a.dropoutSeed(3), b.dropoutSeed(3));
    assertFalse(Arrays.equals(a.timesteps(7, 16, 1000), a.timesteps(8, 16, 1000)));
    assertFalse(Arrays.equals(a.timesteps(7, 16, 1000), new TrainRandom(43).timesteps(7, 16, 1000)));
    assertNotEquals(a.dropoutSeed(3), a.dropoutSeed(4));
    try (NDManager mgr = NDManager.newBaseManager()) {
      Shape s = new Shape(1, 2, 2);
      assertArrayEquals(a.noise(mgr, 5, 3, s).toFloatArray(), b.noise(mgr, 5, 3, s).toFloatArray(), 0f);
      assertFalse(Arrays.equals(a.noise(mgr, 5, 3, s).toFloatArray(), a.noise(mgr, 6, 3, s).toFloatArray()));
    }
  }

  @Test
  void timestepsCoverTheRangeUniformly() {
    TrainRandom r = new TrainRandom(1);
    int[] counts = new int[10];
    int n = 0;
    for (long s = 0; s < 2000; s++) {
      for (long t : r.timesteps(s, 10, 10)) {
        assertTrue(t >= 0 && t < 10);
        counts[(int) t]++;
        n++;
      }
    }
    // 20000 draws: each count is 2000 +- 3.3 sigma (sigma = 42)
    for (int c : counts) {
      assertEquals(n / 10.0, c, 140, Arrays.toString(counts));
    }
  }
}
