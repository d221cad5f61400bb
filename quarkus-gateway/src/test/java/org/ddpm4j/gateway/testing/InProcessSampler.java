package org.ddpm4j.gateway.testing;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.pipeline.DiffusionPipeline;
import org.ddpm4j.pipeline.PipelineConfig;
import org.ddpm4j.sampler.SamplerKind;
import org.ddpm4j.sampler.SamplerSettings;
import org.ddpm4j.sampler.StepCallback;

/**
 * The reference the gateway must match: model-core's {@link DiffusionPipeline}, the path {@code ddpm4j sample} runs
 * (seeded noise, sample indices 0..n-1), with no batching in between. Each call opens and closes its own pipeline.
 */
public final class InProcessSampler {
  private final Path folder;

  /** A reference over a model folder. */
  public InProcessSampler(Path folder) {
    this.folder = folder;
  }

  /** The tiny test model. */
  public static InProcessSampler tiny() {
    return new InProcessSampler(TestModels.create().resolve(TestModels.TINY));
  }

  private DiffusionPipeline open(String sampler, int steps, double eta) {
    return DiffusionPipeline.open(
        new PipelineConfig(folder, new SamplerSettings(SamplerKind.parse(sampler), steps, eta)));
  }

  /** x0 as floats [n, C, H, W]. */
  public float[] x0(String sampler, int steps, double eta, long seed, int n) {
    try (DiffusionPipeline pipeline = open(sampler, steps, eta); NDManager m = NDManager.newBaseManager()) {
      return pipeline.sample(seed, LongStream.range(0, n).toArray(), m, StepCallback.NONE).toFloatArray();
    }
  }

  /** The 8-bit images, as the CLI writes them. */
  public Uint8Images images(String sampler, int steps, double eta, long seed, int n) {
    try (DiffusionPipeline pipeline = open(sampler, steps, eta)) {
      return pipeline.generate(seed, LongStream.range(0, n).toArray());
    }
  }
}
