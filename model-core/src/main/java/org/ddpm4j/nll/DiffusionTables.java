package org.ddpm4j.nll;

/**
 * The float64 coefficient tables of a Gaussian diffusion (improved-diffusion's {@code GaussianDiffusion}), computed
 * from the betas in double precision. Index t runs over 0..T-1.
 */
public final class DiffusionTables {
  private final double[] betas;
  private final double[] alphasCumprod;
  private final double[] alphasCumprodPrev;
  private final double[] posteriorVariance;
  private final double[] posteriorLogVarianceClipped;
  private final double[] posteriorMeanCoef1;
  private final double[] posteriorMeanCoef2;

  private DiffusionTables(double[] betas) {
    int n = betas.length;
    this.betas = betas.clone();
    alphasCumprod = new double[n];
    alphasCumprodPrev = new double[n];
    posteriorVariance = new double[n];
    posteriorLogVarianceClipped = new double[n];
    posteriorMeanCoef1 = new double[n];
    posteriorMeanCoef2 = new double[n];
    double cum = 1.0;
    for (int t = 0; t < n; t++) {
      alphasCumprodPrev[t] = cum;
      cum *= 1.0 - betas[t];
      alphasCumprod[t] = cum;
    }
    for (int t = 0; t < n; t++) {
      double oneMinus = 1.0 - alphasCumprod[t];
      posteriorVariance[t] = betas[t] * (1.0 - alphasCumprodPrev[t]) / oneMinus;
      posteriorMeanCoef1[t] = betas[t] * Math.sqrt(alphasCumprodPrev[t]) / oneMinus;
      posteriorMeanCoef2[t] = (1.0 - alphasCumprodPrev[t]) * Math.sqrt(1.0 - betas[t]) / oneMinus;
    }
    for (int t = 0; t < n; t++) {
      // the variance at t = 0 is 0; improved-diffusion replaces it by that of t = 1 before taking the log
      posteriorLogVarianceClipped[t] = Math.log(posteriorVariance[t == 0 && n > 1 ? 1 : t]);
    }
  }

  /**
   * Builds the tables from a beta schedule.
   *
   * @throws IllegalArgumentException when there are fewer than two betas or one lies outside (0, 1)
   */
  public static DiffusionTables fromBetas(double[] betas) {
    if (betas.length < 2) {
      throw new IllegalArgumentException("a beta schedule needs at least 2 timesteps, got " + betas.length);
    }
    for (int t = 0; t < betas.length; t++) {
      if (!(betas[t] > 0 && betas[t] < 1)) {
        throw new IllegalArgumentException("beta[" + t + "] = " + betas[t] + " is outside (0, 1)");
      }
    }
    return new DiffusionTables(betas);
  }

  /** The number of diffusion timesteps T. */
  public int numTimesteps() {
    return betas.length;
  }

  /** beta_t. */
  public double beta(int t) {
    return betas[t];
  }

  /** alpha-bar_t, the cumulative product of (1 - beta) up to and including t. */
  public double alphaCumprod(int t) {
    return alphasCumprod[t];
  }

  /** alpha-bar_{t-1}, with alpha-bar_{-1} = 1. */
  public double alphaCumprodPrev(int t) {
    return alphasCumprodPrev[t];
  }

  /** sqrt(alpha-bar_t). */
  public double sqrtAlphaCumprod(int t) {
    return Math.sqrt(alphasCumprod[t]);
  }

  /** sqrt(1 - alpha-bar_t). */
  public double sqrtOneMinusAlphaCumprod(int t) {
    return Math.sqrt(1.0 - alphasCumprod[t]);
  }

  /** log(1 - alpha-bar_t). */
  public double logOneMinusAlphaCumprod(int t) {
    return Math.log(1.0 - alphasCumprod[t]);
  }

  /** sqrt(1 / alpha-bar_t). */
  public double sqrtRecipAlphaCumprod(int t) {
    return Math.sqrt(1.0 / alphasCumprod[t]);
  }

  /** sqrt(1 / alpha-bar_t - 1). */
  public double sqrtRecipm1AlphaCumprod(int t) {
    return Math.sqrt(1.0 / alphasCumprod[t] - 1.0);
  }

  /** The posterior variance beta-tilde_t = beta_t (1 - alpha-bar_{t-1}) / (1 - alpha-bar_t); 0 at t = 0. */
  public double posteriorVariance(int t) {
    return posteriorVariance[t];
  }

  /** log beta-tilde_t, with entry 0 replaced by log beta-tilde_1 (the "clipped" log-variance). */
  public double posteriorLogVarianceClipped(int t) {
    return posteriorLogVarianceClipped[t];
  }

  /** The coefficient of x_0 in the posterior mean: beta_t sqrt(alpha-bar_{t-1}) / (1 - alpha-bar_t). */
  public double posteriorMeanCoef1(int t) {
    return posteriorMeanCoef1[t];
  }

  /** The coefficient of x_t in the posterior mean: (1 - alpha-bar_{t-1}) sqrt(alpha_t) / (1 - alpha-bar_t). */
  public double posteriorMeanCoef2(int t) {
    return posteriorMeanCoef2[t];
  }
}
