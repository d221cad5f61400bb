package org.ddpm4j.sampler;

import static org.ddpm4j.sampler.StepMath.sqrt;

import ai.djl.ndarray.NDArray;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.schedule.VarianceType;

/**
 * Ancestral DDPM sampling (Ho et al. 2020) as diffusers v0.21.4 {@code DDPMScheduler.step} computes it, for epsilon
 * prediction with {@code fixed_small} or {@code fixed_large} variance.
 *
 * <p>With prev = t - T // n and abar_prev = 1 below 0, the step uses alpha_t' = abar_t / abar_prev and beta_t' = 1 -
 * alpha_t' (so strided schedules are right): x0 = (x - sqrt(1 - abar_t) eps) / sqrt(abar_t), clamped if
 * {@code clip_sample}; mean = sqrt(abar_prev) beta_t' / (1 - abar_t) x0 + sqrt(alpha_t') (1 - abar_prev) / (1 -
 * abar_t) x; for t &gt; 0 noise is added with variance (1 - abar_prev) / (1 - abar_t) beta_t' (fixed_small, at least
 * 1e-20) or beta_t' (fixed_large). Every scalar is a float32 computed in diffusers' order.
 */
public final class DdpmSampler extends StridedSampler {
  private static final float MIN_VARIANCE = 1e-20f;

  /** A DDPM sampler for a scheduler configuration; call {@link #setTimesteps(int)} before stepping. */
  public DdpmSampler(SchedulerConfig config) {
    super(config);
  }

  /**
   * One ancestral step. Every array it makes is attached to the manager of {@code x}.
   *
   * @param noise drawn once, for t &gt; 0 only
   */
  @Override
  public StepOutput step(NDArray eps, int t, NDArray x, StepNoise noise) {
    int prevT = previousTimestep(t);
    float alphaProdT = alphasCumprod[t];
    float alphaProdTPrev = prevT >= 0 ? alphasCumprod[prevT] : 1f;
    float betaProdT = 1f - alphaProdT;
    float betaProdTPrev = 1f - alphaProdTPrev;
    float currentAlphaT = alphaProdT / alphaProdTPrev;
    float currentBetaT = 1f - currentAlphaT;

    NDArray x0 = clipIfConfigured(StepMath.predictX0(x, eps, sqrt(betaProdT), sqrt(alphaProdT)));
    float x0Coeff = sqrt(alphaProdTPrev) * currentBetaT / betaProdT;
    float sampleCoeff = sqrt(currentAlphaT) * betaProdTPrev / betaProdT;
    NDArray mean;
    try (NDArray a = x0.mul(x0Coeff);
        NDArray b = x.mul(sampleCoeff)) {
      mean = a.add(b);
    }
    if (t == 0) {
      return new StepOutput(mean, x0);
    }
    float variance = config.varianceType() == VarianceType.FIXED_LARGE
        ? currentBetaT
        : Math.max(betaProdTPrev / betaProdT * currentBetaT, MIN_VARIANCE);
    try (mean;
        NDArray z = noise.draw(x.getShape());
        NDArray scaled = z.mul(sqrt(variance))) {
      return new StepOutput(mean.add(scaled), x0);
    }
  }
}
