package org.ddpm4j.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.atomic.AtomicInteger;
import org.ddpm4j.schedule.NoiseSchedule;
import org.ddpm4j.schedule.SchedulerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DdimSamplerTest {
  private static final Shape SHAPE = new Shape(2, 3, 4, 4);

  @ParameterizedTest
  @CsvSource({
      "default, '', 10", "default, '', 50",
      "steps_offset1, '\"steps_offset\": 1', 10", "steps_offset1, '\"steps_offset\": 1', 50",
      "trailing, '\"timestep_spacing\": \"trailing\"', 10", "trailing, '\"timestep_spacing\": \"trailing\"', 50",
      "linspace, '\"timestep_spacing\": \"linspace\"', 10", "linspace, '\"timestep_spacing\": \"linspace\"', 50"})
  void timestepsMatchDiffusers(String variant, String fields, int n) {
    DdimSampler s = new DdimSampler(GoldenTimesteps.config(fields), 0);
    s.setTimesteps(n);
    assertArrayEquals(GoldenTimesteps.of("ddim", "timesteps." + variant + ".n" + n), s.timesteps());
  }

  @Test
  void noiseIsDrawnOnlyWithPositiveEta() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomNormal(SHAPE);
      NDArray eps = m.randomNormal(SHAPE);
      AtomicInteger draws = new AtomicInteger();
      StepNoise counted = shape -> {
        draws.incrementAndGet();
        return m.randomNormal(shape);
      };
      sampler(SchedulerConfig.defaults(), 0).step(eps, 500, x, counted);
      assertEquals(0, draws.get());
      sampler(SchedulerConfig.defaults(), 1).step(eps, 500, x, counted);
      assertEquals(1, draws.get());
    }
  }

  @Test
  void theDirectionTermUsesTheUnclippedEps() {
    int t = 20;
    float abarPrev = NoiseSchedule.of(SchedulerConfig.defaults()).alphaCumprod(0);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomNormal(SHAPE).mul(2f);
      NDArray eps = m.randomNormal(SHAPE);
      StepOutput clipped = sampler(SchedulerConfig.defaults(), 0).step(eps, t, x);
      StepOutput free = sampler(GoldenTimesteps.config("\"clip_sample\": false"), 0).step(eps, t, x);
      // prev = sqrt(abar_prev) x0 + (a term that does not depend on clipping)
      float[] dPrev = clipped.prevSample().sub(free.prevSample()).toFloatArray();
      float[] dX0 = clipped.predOriginalSample().sub(free.predOriginalSample()).toFloatArray();
      for (int i = 0; i < dPrev.length; i++) {
        assertEquals(Math.sqrt(abarPrev) * dX0[i], dPrev[i], 1e-5);
      }
    }
  }

  @Test
  void withoutAlphaToOneTheLastStepLandsOnAbarZero() {
    SchedulerConfig config = GoldenTimesteps.config("\"set_alpha_to_one\": false, \"clip_sample\": false");
    double abar0 = NoiseSchedule.of(config).alphaCumprod(0);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomNormal(SHAPE);
      NDArray eps = m.randomNormal(SHAPE);
      StepOutput out = sampler(config, 0).step(eps, 0, x);
      float[] x0 = out.predOriginalSample().toFloatArray();
      float[] e = eps.toFloatArray();
      float[] prev = out.prevSample().toFloatArray();
      for (int i = 0; i < prev.length; i++) {
        assertEquals(Math.sqrt(abar0) * x0[i] + Math.sqrt(1 - abar0) * e[i], prev[i], 1e-6);
      }
    }
  }

  @Test
  void etaOutsideZeroToOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new DdimSampler(SchedulerConfig.defaults(), -0.1));
    assertThrows(IllegalArgumentException.class, () -> new DdimSampler(SchedulerConfig.defaults(), Double.NaN));
  }

  private static DdimSampler sampler(SchedulerConfig config, double eta) {
    DdimSampler s = new DdimSampler(config, eta);
    s.setTimesteps(50);
    return s;
  }
}
