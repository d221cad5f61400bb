package org.ddpm4j.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ddpm4j.schedule.NoiseSchedule;
import org.ddpm4j.schedule.SchedulerConfig;
import org.junit.jupiter.api.Test;

class DpmSolverPlusPlusSamplerTest {
  private static final Shape SHAPE = new Shape(2, 3, 4, 4);

  @Test
  void timestepsMatchDiffusersAndDefaultToLinspace() {
    for (int n : new int[] {10, 20}) {
      try (Sampler s = new DpmSolverPlusPlusSampler(SchedulerConfig.defaults())) {
        s.setTimesteps(n);
        assertArrayEquals(GoldenTimesteps.of("dpmsolver", "n" + n + ".timesteps"), s.timesteps());
      }
    }
    // from_config of a DDPM config keeps its leading spacing: 1000 // 11 = 90
    try (Sampler s = new DpmSolverPlusPlusSampler(GoldenTimesteps.config("\"timestep_spacing\": \"leading\""))) {
      s.setTimesteps(10);
      assertEquals(900, s.timesteps()[0]);
      assertEquals(90, s.timesteps()[9]);
    }
  }

  @Test
  void lambdaMinClippedLowersTheFirstTimestep() {
    double clip = -4.0;
    float[] abar = NoiseSchedule.of(SchedulerConfig.defaults()).alphasCumprod();
    int last = abar.length;
    while (0.5 * Math.log(abar[last - 1] / (1.0 - abar[last - 1])) < clip) {
      last--;
    }
    assertTrue(last < 1000, "the clip must bite for this test");
    try (Sampler s = new DpmSolverPlusPlusSampler(GoldenTimesteps.config("\"lambda_min_clipped\": " + clip))) {
      s.setTimesteps(10);
      assertEquals(last - 1, s.timesteps()[0]);
    }
  }

  @Test
  void stepsMustFollowTheSchedule() {
    try (NDManager m = NDManager.newBaseManager(); Sampler s = new DpmSolverPlusPlusSampler(SchedulerConfig.defaults())) {
      NDArray x = m.randomNormal(SHAPE);
      assertThrows(IllegalStateException.class, () -> s.step(x, 999, x));
      s.setTimesteps(10);
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.step(x, 899, x));
      assertTrue(e.getMessage().contains("expected timestep 999, got 899"), e.getMessage());
    }
  }

  @Test
  void lowerOrderFinalChangesOnlyTheLastStepAndOnlyBelowFifteenSteps() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray xT = m.randomNormal(SHAPE);
      List<NDArray> eps = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        eps.add(m.randomNormal(SHAPE));
      }
      SchedulerConfig off = GoldenTimesteps.config("\"lower_order_final\": false");
      List<float[]> a10 = run(SchedulerConfig.defaults(), 10, xT, eps);
      List<float[]> b10 = run(off, 10, xT, eps);
      for (int i = 0; i < 9; i++) {
        assertArrayEquals(a10.get(i), b10.get(i), "step " + i);
      }
      assertFalse(Arrays.equals(a10.get(9), b10.get(9)), "the last of 10 steps is first order");
      List<float[]> a20 = run(SchedulerConfig.defaults(), 20, xT, eps);
      List<float[]> b20 = run(off, 20, xT, eps);
      for (int i = 0; i < 20; i++) {
        assertArrayEquals(a20.get(i), b20.get(i), "step " + i + " of 20");
      }
    }
  }

  @Test
  void setTimestepsForgetsThePreviousRun() {
    try (NDManager m = NDManager.newBaseManager(); Sampler s = new DpmSolverPlusPlusSampler(SchedulerConfig.defaults())) {
      NDArray xT = m.randomNormal(SHAPE);
      List<NDArray> eps = List.of(m.randomNormal(SHAPE), m.randomNormal(SHAPE), m.randomNormal(SHAPE));
      float[] first = steps(s, xT, eps);
      float[] second = steps(s, xT, eps);
      assertArrayEquals(first, second);
    }
  }

  @Test
  void closeReleasesTheKeptPrediction() {
    try (NDManager m = NDManager.newBaseManager()) {
      Sampler s = new DpmSolverPlusPlusSampler(SchedulerConfig.defaults());
      s.setTimesteps(10);
      NDArray x = m.randomNormal(SHAPE);
      StepOutput first = s.step(m.randomNormal(SHAPE), 999, x);
      assertFalse(first.predOriginalSample().isReleased());
      StepOutput second = s.step(m.randomNormal(SHAPE), 899, first.prevSample());
      assertTrue(first.predOriginalSample().isReleased(), "replaced by the next step's x0");
      s.close();
      assertTrue(second.predOriginalSample().isReleased());
      assertFalse(second.prevSample().isReleased(), "the sample belongs to the caller");
    }
  }

  private static List<float[]> run(SchedulerConfig config, int n, NDArray xT, List<NDArray> eps) {
    List<float[]> out = new ArrayList<>();
    try (Sampler s = new DpmSolverPlusPlusSampler(config)) {
      s.setTimesteps(n);
      NDArray x = xT;
      int[] ts = s.timesteps();
      for (int i = 0; i < ts.length; i++) {
        x = s.step(eps.get(i), ts[i], x).prevSample();
        out.add(x.toFloatArray());
      }
    }
    return out;
  }

  private static float[] steps(Sampler s, NDArray xT, List<NDArray> eps) {
    s.setTimesteps(10);
    NDArray x = xT;
    for (int i = 0; i < eps.size(); i++) {
      x = s.step(eps.get(i), s.timesteps()[i], x).prevSample();
    }
    return x.toFloatArray();
  }
}
