package org.ddpm4j.gateway.batching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.ddpm4j.gateway.testing.InProcessSampler;
import org.ddpm4j.gateway.testing.TestModels;
import org.ddpm4j.noise.NoiseSource;
import org.ddpm4j.sampler.Sampler;
import org.ddpm4j.sampler.SamplerFactory;
import org.ddpm4j.sampler.SamplerKind;
import org.ddpm4j.sampler.SamplerSettings;
import org.ddpm4j.sampler.SamplingLoop;
import org.ddpm4j.sampler.StepCallback;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.unet.UNet2DModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real sampling loop and U-Net through the scheduler: a job alone gives exactly the in-process x0; jobs of
 * different samplers and seeds batched together stay within 1e-4 of it.
 */
class BatchedSamplingTest {
  private static UNet2DModel unet;
  private static SchedulerConfig config;
  private static InProcessSampler reference;

  @BeforeAll
  static void load() {
    var folder = TestModels.create().resolve(TestModels.TINY);
    unet = UNet2DModel.load(folder);
    config = SchedulerConfig.read(folder.resolve("scheduler_config.json"));
    reference = new InProcessSampler(folder);
  }

  @AfterAll
  static void close() {
    unet.close();
  }

  private static JobBody<float[]> job(String sampler, int steps, double eta, long seed, int n) {
    return eps -> {
      try (NDManager m = NDManager.newBaseManager();
          Sampler s = SamplerFactory.create(new SamplerSettings(SamplerKind.parse(sampler), steps, eta), config)) {
        return new SamplingLoop(eps, s).sample(new NoiseSource(seed), LongStream.range(0, n).toArray(),
            new Shape(3, 16, 16), m, StepCallback.NONE).toFloatArray();
      }
    };
  }

  @Test
  void aLoneJobIsExactlyTheInProcessRun() throws Exception {
    try (BatchScheduler s = new BatchScheduler(
        new BatchingSettings(true, 16, Duration.ZERO, 4, 1, Duration.ofMinutes(2)), BatchObserver.NONE, () -> {})) {
      float[] got = s.submit("tiny", unet, 2, job("ddpm", 5, 0, 21, 2)).result().toCompletableFuture()
          .get(2, TimeUnit.MINUTES);
      assertArrayEquals(reference.x0("ddpm", 5, 0, 21, 2), got);
    }
  }

  @Test
  void batchedJobsStayWithinTheSeedToleranceOfUnbatchedOnes() throws Exception {
    List<int[]> forwards = new CopyOnWriteArrayList<>();
    String[] samplers = {"ddim", "dpmpp", "ddpm"};
    double[] etas = {0.5, 0, 0};
    try (BatchScheduler s = new BatchScheduler(
        new BatchingSettings(true, 16, Duration.ofMillis(500), 4, 1, Duration.ofMinutes(2)),
        (jobs, rows) -> forwards.add(new int[] {jobs, rows}), () -> {})) {
      List<BatchJob<float[]>> jobs = new ArrayList<>();
      for (int j = 0; j < 3; j++) {
        jobs.add(s.submit("tiny", unet, j + 1, job(samplers[j], 6, etas[j], 30 + j, j + 1)));
      }
      for (int j = 0; j < 3; j++) {
        float[] got = jobs.get(j).result().toCompletableFuture().get(2, TimeUnit.MINUTES);
        float[] want = reference.x0(samplers[j], 6, etas[j], 30 + j, j + 1);
        double max = 0;
        for (int i = 0; i < want.length; i++) {
          max = Math.max(max, Math.abs(got[i] - want[i]));
        }
        assertTrue(max <= 1e-4, samplers[j] + ": max |x0 batched - x0 alone| = " + max);
      }
    }
    assertTrue(forwards.stream().anyMatch(f -> f[0] == 3 && f[1] == 6), "the three jobs shared a forward");
  }
}
