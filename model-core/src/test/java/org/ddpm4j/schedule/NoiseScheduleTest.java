package org.ddpm4j.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoiseScheduleTest {

  @Test
  void cumulativeProductAccumulatesInDoubleAndRoundsEachProduct() {
    float[] betas = {0.1f, 0.2f, 0.3f};
    float[] acp = new NoiseSchedule(betas).alphasCumprod();
    double a0 = 1f - 0.1f;
    double a1 = 1f - 0.2f;
    double a2 = 1f - 0.3f;
    assertArrayEquals(new float[] {(float) a0, (float) (a0 * a1), (float) (a0 * a1 * a2)}, acp);
  }

  @Test
  void linearScheduleDecreasesFromOneMinusBetaZero() {
    NoiseSchedule s = NoiseSchedule.of(SchedulerConfig.defaults());
    assertEquals(1000, s.numTrainTimesteps());
    assertEquals(1f - 1e-4f, s.alphaCumprod(0));
    for (int t = 1; t < 1000; t++) {
      assertTrue(s.alphaCumprod(t) < s.alphaCumprod(t - 1));
    }
    // abar_999 of the linear DDPM schedule is about 4.0e-5 (Ho et al.)
    assertEquals(4.04e-5, s.alphaCumprod(999), 1e-6);
  }

  @Test
  void trainedBetasReplaceTheSchedule() {
    SchedulerConfig c = SchedulerConfig.parse(
        "{\"num_train_timesteps\": 3, \"trained_betas\": [0.1, 0.2, 0.3], \"beta_schedule\": \"squaredcos_cap_v2\"}",
        "test");
    assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, NoiseSchedule.of(c).betas());
  }

  @Test
  void rejectsBetasOutsideTheOpenUnitInterval() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new NoiseSchedule(new float[] {0.1f, 1f}));
    assertTrue(e.getMessage().contains("beta[1] = 1.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new NoiseSchedule(new float[] {0f}));
    assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.of(SchedulerConfig.defaults()).alphaCumprod(1000));
  }
}
