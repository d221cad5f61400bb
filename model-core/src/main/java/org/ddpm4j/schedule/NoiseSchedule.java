package org.ddpm4j.schedule;

/**
 * The betas of a diffusion process and their cumulative alpha products abar_t = prod_{s<=t} (1 - beta_s), as
 * diffusers v0.21.4 holds them: float32 betas, {@code alphas = 1 - betas} in float32, and {@code torch.cumprod} of
 * those, which on the CPU accumulates in double and rounds each partial product to float32.
 */
public final class NoiseSchedule {
  private final float[] betas;
  private final float[] alphasCumprod;

  /**
   * A schedule from its betas.
   *
   * @param betas T float32 betas, each in (0, 1)
   * @throws IllegalArgumentException naming the first beta outside (0, 1)
   */
  public NoiseSchedule(float[] betas) {
    if (betas.length == 0) {
      throw new IllegalArgumentException("a noise schedule needs at least one beta");
    }
    for (int i = 0; i < betas.length; i++) {
      if (!(betas[i] > 0f && betas[i] < 1f)) {
        throw new IllegalArgumentException("beta[" + i + "] = " + betas[i] + " is outside (0, 1)");
      }
    }
    this.betas = betas.clone();
    this.alphasCumprod = cumulativeAlphaProduct(this.betas);
  }

  /** The schedule a scheduler configuration describes: its {@code trained_betas}, else its beta schedule. */
  public static NoiseSchedule of(SchedulerConfig config) {
    if (!config.trainedBetas().isEmpty()) {
      float[] betas = new float[config.trainedBetas().size()];
      for (int i = 0; i < betas.length; i++) {
        betas[i] = config.trainedBetas().get(i).floatValue();
      }
      return new NoiseSchedule(betas);
    }
    return new NoiseSchedule(
        config.betaSchedule().betas(config.numTrainTimesteps(), config.betaStart(), config.betaEnd()));
  }

  /** abar_t for every t: {@code 1 - beta} in float32, multiplied up in double, each product rounded to float32. */
  static float[] cumulativeAlphaProduct(float[] betas) {
    float[] out = new float[betas.length];
    double product = 1.0;
    for (int i = 0; i < betas.length; i++) {
      float alpha = 1f - betas[i];
      product *= alpha;
      out[i] = (float) product;
    }
    return out;
  }

  /** T, the number of training timesteps. */
  public int numTrainTimesteps() {
    return betas.length;
  }

  /** A copy of the betas. */
  public float[] betas() {
    return betas.clone();
  }

  /** A copy of abar_0 .. abar_{T-1}. */
  public float[] alphasCumprod() {
    return alphasCumprod.clone();
  }

  /**
   * abar_t.
   *
   * @throws IllegalArgumentException when t is outside [0, T)
   */
  public float alphaCumprod(int t) {
    if (t < 0 || t >= alphasCumprod.length) {
      throw new IllegalArgumentException("timestep " + t + " is outside [0, " + alphasCumprod.length + ")");
    }
    return alphasCumprod[t];
  }
}
