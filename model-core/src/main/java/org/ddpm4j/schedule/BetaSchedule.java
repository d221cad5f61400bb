package org.ddpm4j.schedule;

/**
 * The beta schedules of diffusers' DDPM/DDIM/DPM-Solver schedulers, each a pure function of (T, beta_start,
 * beta_end) returning the float32 betas exactly as diffusers v0.21.4 computes them.
 */
public enum BetaSchedule {
  /** {@code torch.linspace(beta_start, beta_end, T, dtype=float32)} (Ho et al.). */
  LINEAR {
    @Override
    public float[] betas(int numTrainTimesteps, double betaStart, double betaEnd) {
      return TorchLinspace.float32((float) betaStart, (float) betaEnd, numTrainTimesteps);
    }
  },
  /** {@code torch.linspace(beta_start**0.5, beta_end**0.5, T, dtype=float32) ** 2} (latent diffusion). */
  SCALED_LINEAR {
    @Override
    public float[] betas(int numTrainTimesteps, double betaStart, double betaEnd) {
      float[] roots = TorchLinspace.float32((float) Math.sqrt(betaStart), (float) Math.sqrt(betaEnd), numTrainTimesteps);
      float[] betas = new float[numTrainTimesteps];
      for (int i = 0; i < betas.length; i++) {
        betas[i] = roots[i] * roots[i];
      }
      return betas;
    }
  },
  /**
   * The cosine schedule of Nichol and Dhariwal ({@code betas_for_alpha_bar}): beta_i = min(1 - abar((i+1)/T) /
   * abar(i/T), 0.999) with abar(s) = cos((s + 0.008) / 1.008 * pi / 2)^2, in double, then rounded to float32.
   * beta_start and beta_end are ignored.
   */
  SQUAREDCOS_CAP_V2 {
    private static final double MAX_BETA = 0.999;

    @Override
    public float[] betas(int numTrainTimesteps, double betaStart, double betaEnd) {
      float[] betas = new float[numTrainTimesteps];
      for (int i = 0; i < numTrainTimesteps; i++) {
        double t1 = (double) i / numTrainTimesteps;
        double t2 = (double) (i + 1) / numTrainTimesteps;
        betas[i] = (float) Math.min(1 - alphaBar(t2) / alphaBar(t1), MAX_BETA);
      }
      return betas;
    }

    private double alphaBar(double s) {
      double c = Math.cos((s + 0.008) / 1.008 * Math.PI / 2);
      return c * c;
    }
  };

  /**
   * The betas of this schedule.
   *
   * @param numTrainTimesteps T, the number of training timesteps
   * @param betaStart beta at t = 0 (linear schedules)
   * @param betaEnd beta at t = T-1 (linear schedules)
   * @return T float32 betas
   */
  public abstract float[] betas(int numTrainTimesteps, double betaStart, double betaEnd);
}
