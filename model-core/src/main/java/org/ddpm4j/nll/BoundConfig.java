package org.ddpm4j.nll;

/**
 * How the bound is evaluated.
 *
 * @param variance the fixed reverse-process variance
 * @param clipDenoised whether the predicted x_0 is clamped to [-1, 1] before the posterior mean (improved-diffusion's
 *     {@code clip_denoised}, default true)
 */
public record BoundConfig(ModelVariance variance, boolean clipDenoised) {
  /** Requires a variance type. */
  public BoundConfig {
    if (variance == null) {
      throw new IllegalArgumentException("bound config: variance type is missing");
    }
  }
}
