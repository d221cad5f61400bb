package org.ddpm4j.gateway.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.ddpm4j.image.ImageConversion;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.noise.NoiseSource;
import org.ddpm4j.sampler.Sampler;
import org.ddpm4j.sampler.SamplerFactory;
import org.ddpm4j.sampler.SamplerKind;
import org.ddpm4j.sampler.SamplerSettings;
import org.ddpm4j.sampler.SamplingLoop;
import org.ddpm4j.sampler.StepCallback;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.unet.UNet2DModel;

/**
 * The reference the gateway must match: the model-core sampling loop run directly in the test, as
 * {@code ddpm4j sample} runs it (seeded noise, sample indices 0..n-1), with no batching in between.
 */
public final class InProcessSampler implements AutoCloseable {
  private final UNet2DModel unet;
  private final SchedulerConfig scheduler;

  /** Loads the model folder. */
  public InProcessSampler(Path folder) {
    this.unet = UNet2DModel.load(folder);
    this.scheduler = SchedulerConfig.read(folder.resolve("scheduler_config.json"));
  }

  /** The tiny test model. */
  public static InProcessSampler tiny() {
    return new InProcessSampler(TestModels.create().resolve(TestModels.TINY));
  }

  /** x0 as floats [n, C, H, W]. */
  public float[] x0(String sampler, int steps, double eta, long seed, int n) {
    try (NDManager m = NDManager.newBaseManager();
        Sampler s = SamplerFactory.create(new SamplerSettings(SamplerKind.parse(sampler), steps, eta), scheduler)) {
      NDArray x0 = new SamplingLoop(unet, s).sample(new NoiseSource(seed), LongStream.range(0, n).toArray(),
          new ai.djl.ndarray.types.Shape(3, 16, 16), m, StepCallback.NONE);
      return x0.toFloatArray();
    }
  }

  /** The 8-bit images. */
  public Uint8Images images(String sampler, int steps, double eta, long seed, int n) {
    return ImageConversion.toUint8(x0(sampler, steps, eta, seed, n), n, 3, 16, 16);
  }

  @Override
  public void close() {
    unet.close();
  }
}
