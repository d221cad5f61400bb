package org.ddpm4j.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.ddpm4j.schedule.NoiseSchedule;
import org.ddpm4j.schedule.SchedulerConfig;
import org.junit.jupiter.api.Test;

class DdpmSamplerTest {
  private static final Shape SHAPE = new Shape(2, 3, 4, 4);

  @Test
  void timestepsForEverySpacingMatchDiffusers() {
    DdpmSampler leading = new DdpmSampler(SchedulerConfig.defaults());
    leading.setTimesteps(50);
    assertArrayEquals(GoldenTimesteps.of("ddpm", "linear.set_timesteps50.timesteps"), leading.timesteps());
    // DDPMScheduler.set_timesteps is DDIMScheduler's; the DDIM file holds the other spacings
    for (String spacing : new String[] {"trailing", "linspace"}) {
      for (int n : new int[] {10, 50}) {
        DdpmSampler s = new DdpmSampler(GoldenTimesteps.config("\"timestep_spacing\": \"" + spacing + "\""));
        s.setTimesteps(n);
        assertArrayEquals(GoldenTimesteps.of("ddim", "timesteps." + spacing + ".n" + n), s.timesteps(), spacing);
      }
    }
  }

  @Test
  void stepsNeedTimestepsAndAValidTimestep() {
    DdpmSampler s = new DdpmSampler(SchedulerConfig.defaults());
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.zeros(SHAPE);
      assertThrows(IllegalStateException.class, () -> s.step(x, 10, x));
      s.setTimesteps(1000);
      assertThrows(IllegalArgumentException.class, () -> s.step(x, 1000, x));
      assertThrows(IllegalArgumentException.class, () -> s.step(x, -1, x));
    }
  }

  @Test
  void noiseIsDrawnOnlyAboveTimestepZero() {
    DdpmSampler s = new DdpmSampler(SchedulerConfig.defaults());
    s.setTimesteps(1000);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomNormal(SHAPE);
      NDArray eps = m.randomNormal(SHAPE);
      assertEquals(SHAPE, s.step(eps, 0, x, StepNoise.NONE).prevSample().getShape());
      assertThrows(IllegalStateException.class, () -> s.step(eps, 1, x, StepNoise.NONE));
    }
  }

  @Test
  void fixedLargeAndFixedSmallDifferOnlyInTheNoiseScale() {
    SchedulerConfig small = GoldenTimesteps.config("\"variance_type\": \"fixed_small\"");
    SchedulerConfig large = GoldenTimesteps.config("\"variance_type\": \"fixed_large\"");
    float[] abar = NoiseSchedule.of(small).alphasCumprod();
    int t = 500;
    double beta = 1 - (double) abar[t] / abar[t - 1];
    double posterior = (1 - (double) abar[t - 1]) / (1 - abar[t]) * beta;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomNormal(SHAPE);
      NDArray eps = m.randomNormal(SHAPE);
      StepNoise ones = shape -> m.ones(shape);
      float[] a = step(large, eps, t, x, ones).prevSample().toFloatArray();
      float[] b = step(small, eps, t, x, ones).prevSample().toFloatArray();
      for (int i = 0; i < a.length; i++) {
        assertEquals(Math.sqrt(beta) - Math.sqrt(posterior), a[i] - b[i], 1e-6);
      }
    }
  }

  @Test
  void clipSampleBoundsThePredictedX0() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomNormal(SHAPE).mul(3f);
      NDArray eps = m.randomNormal(SHAPE);
      NDArray clipped = step(SchedulerConfig.defaults(), eps, 0, x, StepNoise.NONE).predOriginalSample();
      NDArray free = step(GoldenTimesteps.config("\"clip_sample\": false"), eps, 0, x, StepNoise.NONE)
          .predOriginalSample();
      assertTrue(clipped.abs().max().getFloat() <= 1f);
      assertTrue(free.abs().max().getFloat() > 1f);
      assertArrayEquals(free.clip(-1f, 1f).toFloatArray(), clipped.toFloatArray());
    }
  }

  private static StepOutput step(SchedulerConfig config, NDArray eps, int t, NDArray x, StepNoise noise) {
    DdpmSampler s = new DdpmSampler(config);
    s.setTimesteps(1000);
    return s.step(eps, t, x, noise);
  }
}
