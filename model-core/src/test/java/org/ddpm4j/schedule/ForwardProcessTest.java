package org.ddpm4j.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ForwardProcessTest {
  private final NoiseSchedule schedule = NoiseSchedule.of(SchedulerConfig.defaults());
  private final ForwardProcess forward = new ForwardProcess(schedule);

  @Test
  void eachSampleIsNoisedAtItsOwnTimestep() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] x0 = {0.5f, -1f, 0.25f, 1f};
      float[] eps = {1f, 2f, -0.5f, 0.3f};
      long[] t = {0, 999};
      NDArray noisy = forward.addNoise(m.create(x0, new Shape(2, 2)), m.create(eps, new Shape(2, 2)), t);
      float[] expected = new float[4];
      for (int i = 0; i < 4; i++) {
        float abar = schedule.alphaCumprod((int) t[i / 2]);
        expected[i] = (float) Math.sqrt(abar) * x0[i] + (float) Math.sqrt(1f - abar) * eps[i];
      }
      assertArrayEquals(expected, noisy.toFloatArray());
      assertEquals(new Shape(2, 2), noisy.getShape());
    }
  }

  @Test
  void ndArrayTimestepsMatchLongTimesteps() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x0 = m.randomNormal(new Shape(3, 1, 2, 2));
      NDArray eps = m.randomNormal(new Shape(3, 1, 2, 2));
      long[] t = {5, 500, 17};
      assertArrayEquals(forward.addNoise(x0, eps, t).toFloatArray(),
          forward.addNoise(x0, eps, m.create(new int[] {5, 500, 17})).toFloatArray());
    }
  }

  @Test
  void rejectsMismatchedInputs() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x0 = m.zeros(new Shape(2, 3));
      assertThrows(IllegalArgumentException.class, () -> forward.addNoise(x0, m.zeros(new Shape(2, 4)), new long[2]));
      assertThrows(IllegalArgumentException.class, () -> forward.addNoise(x0, x0, new long[3]));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> forward.addNoise(x0, x0, new long[] {0, 1000}));
      assertTrue(e.getMessage().contains("t[1] = 1000 is outside [0, 1000)"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> forward.addNoise(x0, x0, m.create(new float[] {1, 2})));
    }
  }
}
