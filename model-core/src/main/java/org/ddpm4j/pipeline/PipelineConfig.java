package org.ddpm4j.pipeline;

import java.nio.file.Path;
import org.ddpm4j.sampler.SamplerSettings;

/**
 * What a {@link DiffusionPipeline} samples with.
 *
 * @param modelDir a diffusers model folder ({@code config.json}, {@code diffusion_pytorch_model.safetensors} and,
 *     optionally, {@code scheduler_config.json})
 * @param sampler the sampling algorithm, steps and eta
 * @param threads libtorch intra-op threads while generating (set on the calling thread for the duration of each call
 *     and restored afterwards); 0 leaves the engine's setting ({@code ai.djl.pytorch.num_threads}) alone
 */
public record PipelineConfig(Path modelDir, SamplerSettings sampler, int threads) {
  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException naming the field
   */
  public PipelineConfig {
    if (modelDir == null) {
      throw new IllegalArgumentException("model folder must be given");
    }
    if (sampler == null) {
      throw new IllegalArgumentException("sampler settings must be given");
    }
    if (threads < 0) {
      throw new IllegalArgumentException("threads = " + threads + " must be 0 (engine default) or positive");
    }
  }

  /** A configuration that keeps the engine's thread setting. */
  public PipelineConfig(Path modelDir, SamplerSettings sampler) {
    this(modelDir, sampler, 0);
  }
}
