package org.ddpm4j.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.ddpm4j.noise.NoiseSource;
import org.ddpm4j.schedule.SchedulerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SamplingLoopTest {
  private static final Shape SAMPLE = new Shape(3, 4, 4);
  /** A deterministic stand-in for the UNet. */
  private static final EpsModel TENTH_OF_X = (x, t) -> x.mul(0.1f);

  private static Sampler sampler(SamplerKind kind, int steps, double eta) {
    return SamplerFactory.create(new SamplerSettings(kind, steps, eta), SchedulerConfig.defaults());
  }

  @ParameterizedTest
  @CsvSource({"DDPM, 20, 0", "DDIM, 10, 1", "DPMPP, 10, 0"})
  void everyStepsArraysAreClosedAndOnlyTheResultStays(SamplerKind kind, int steps, double eta) {
    List<NDArray> stepArrays = new ArrayList<>();
    EpsModel recording = (x, t) -> {
      NDArray eps = x.mul(0.1f);
      stepArrays.addAll(List.of(x, t, eps));
      return eps;
    };
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x0;
      try (Sampler s = sampler(kind, steps, eta)) {
        x0 = new SamplingLoop(recording, s).sample(new NoiseSource(7), new long[] {0, 1}, SAMPLE, m,
            (step, n, t, predicted) -> stepArrays.add(predicted));
      }
      assertEquals(4 * steps, stepArrays.size());
      for (NDArray a : stepArrays) {
        assertTrue(a.isReleased(), () -> "an array of a step is still open: " + a.getShape());
      }
      assertEquals(List.of(x0), m.getManagedArrays());
      assertEquals(new Shape(2, 3, 4, 4), x0.getShape());
    }
  }

  @ParameterizedTest
  @CsvSource({"DDPM, 50, 0", "DDIM, 20, 1", "DPMPP, 20, 0"})
  void aSampleDependsOnItsIndexAloneNotOnTheBatch(SamplerKind kind, int steps, double eta) {
    NoiseSource noise = new NoiseSource(42);
    long index = 5;
    float[] alone = sampleRow(kind, steps, eta, noise, new long[] {index}, 0);
    float[] inThree = sampleRow(kind, steps, eta, noise, new long[] {11, index, 2}, 1);
    float[] inEight = sampleRow(kind, steps, eta, noise, LongStream.range(0, 8).toArray(), (int) index);
    assertArrayEquals(alone, inThree);
    assertArrayEquals(alone, inEight);
    float[] other = sampleRow(kind, steps, eta, noise, new long[] {6}, 0);
    assertTrue(!Arrays.equals(alone, other), "another index gives another sample");
  }

  private static float[] sampleRow(SamplerKind kind, int steps, double eta, NoiseSource noise, long[] indices,
      int row) {
    try (NDManager m = NDManager.newBaseManager(); Sampler s = sampler(kind, steps, eta)) {
      return new SamplingLoop(TENTH_OF_X, s).sample(noise, indices, SAMPLE, m, StepCallback.NONE).get(row)
          .toFloatArray();
    }
  }

  @Test
  void theCallbackSeesEveryStepInOrder() {
    List<String> seen = new ArrayList<>();
    try (NDManager m = NDManager.newBaseManager(); Sampler s = sampler(SamplerKind.DDIM, 5, 0)) {
      new SamplingLoop(TENTH_OF_X, s).sample(new NoiseSource(1), new long[] {0, 1, 2}, SAMPLE, m,
          (step, steps, t, x0) -> seen.add(step + "/" + steps + "@" + t + " " + x0.getShape()));
    }
    assertEquals(List.of("0/5@800 (3, 3, 4, 4)", "1/5@600 (3, 3, 4, 4)", "2/5@400 (3, 3, 4, 4)",
        "3/5@200 (3, 3, 4, 4)", "4/5@0 (3, 3, 4, 4)"), seen);
  }

  @Test
  void theModelGetsOneTimestepPerSample() {
    List<long[]> seen = new ArrayList<>();
    EpsModel recording = (x, t) -> {
      seen.add(t.toLongArray());
      return x.mul(0.1f);
    };
    try (NDManager m = NDManager.newBaseManager(); Sampler s = sampler(SamplerKind.DDIM, 2, 0)) {
      new SamplingLoop(recording, s).sample(new NoiseSource(1), new long[] {3, 4}, SAMPLE, m, StepCallback.NONE);
    }
    assertArrayEquals(new long[] {500, 500}, seen.get(0));
    assertArrayEquals(new long[] {0, 0}, seen.get(1));
  }

  @Test
  void runTakesOverTheStartAndMatchesSteppingByHand() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray xT = m.randomNormal(new Shape(2, 3, 4, 4));
      NDArray byHand = xT.duplicate();
      try (Sampler s = sampler(SamplerKind.DPMPP, 6, 0)) {
        for (int t : s.timesteps()) {
          byHand = s.step(TENTH_OF_X.predict(byHand, m.create(new long[] {t, t})), t, byHand).prevSample();
        }
      }
      try (Sampler s = sampler(SamplerKind.DPMPP, 6, 0)) {
        NDArray looped = new SamplingLoop(TENTH_OF_X, s).run(xT, StepNoiseProvider.NONE, StepCallback.NONE);
        assertTrue(xT.isReleased(), "x_T is closed by the loop");
        assertArrayEquals(byHand.toFloatArray(), looped.toFloatArray());
      }
    }
  }

  @Test
  void seededNoiseRejectsAShapeOtherThanTheBatch() {
    try (NDManager m = NDManager.newBaseManager()) {
      StepNoise noise = StepNoiseProvider.seeded(new NoiseSource(1), new long[] {0, 1}, SAMPLE).forStep(0, m);
      assertEquals(new Shape(2, 3, 4, 4), noise.draw(new Shape(2, 3, 4, 4)).getShape());
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> noise.draw(new Shape(1, 3, 4, 4)));
      assertTrue(e.getMessage().contains("(1, 3, 4, 4)"), e.getMessage());
    }
  }
}
