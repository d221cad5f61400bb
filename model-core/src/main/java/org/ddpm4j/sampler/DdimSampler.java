package org.ddpm4j.sampler;

import static org.ddpm4j.sampler.StepMath.sqrt;

import ai.djl.ndarray.NDArray;
import org.ddpm4j.schedule.SchedulerConfig;

/**
 * DDIM sampling (Song et al. 2021) as diffusers v0.21.4 {@code DDIMScheduler.step} computes it, for epsilon
 * prediction, with {@code use_clipped_model_output} false.
 *
 * <p>With prev = t - T // n (whatever the spacing, as diffusers) and abar_prev = 1 ({@code set_alpha_to_one}) or
 * abar_0 below 0: x0 = (x - sqrt(1 - abar_t) eps) / sqrt(abar_t), clamped if {@code clip_sample}; sigma^2 = (1 -
 * abar_prev) / (1 - abar_t) (1 - abar_t / abar_prev), std = eta sigma; prev = sqrt(abar_prev) x0 + sqrt(1 -
 * abar_prev - std^2) eps + std z, where the direction term uses the model's unclipped eps and z is drawn only when
 * eta &gt; 0.
 */
public final class DdimSampler extends StridedSampler {
  private final float eta;
  private final float finalAlphaCumprod;

  /**
   * A DDIM sampler; call {@link #setTimesteps(int)} before stepping.
   *
   * @param eta the noise scale, 0 (deterministic) to 1 (DDPM-like)
   * @throws IllegalArgumentException when eta is outside [0, 1]
   */
  public DdimSampler(SchedulerConfig config, double eta) {
    super(config);
    if (!(eta >= 0 && eta <= 1)) {
      throw new IllegalArgumentException("DDIM eta = " + eta + " must be in [0, 1]");
    }
    this.eta = (float) eta;
    this.finalAlphaCumprod = config.setAlphaToOne() ? 1f : alphasCumprod[0];
  }

  /**
   * One DDIM step. Every array it makes is attached to the manager of {@code x}.
   *
   * @param noise drawn once when eta &gt; 0, never otherwise
   */
  @Override
  public StepOutput step(NDArray eps, int t, NDArray x, StepNoise noise) {
    int prevT = previousTimestep(t);
    float alphaProdT = alphasCumprod[t];
    float alphaProdTPrev = prevT >= 0 ? alphasCumprod[prevT] : finalAlphaCumprod;
    float betaProdT = 1f - alphaProdT;
    float betaProdTPrev = 1f - alphaProdTPrev;

    NDArray x0 = clipIfConfigured(StepMath.predictX0(x, eps, sqrt(betaProdT), sqrt(alphaProdT)));
    float variance = betaProdTPrev / betaProdT * (1f - alphaProdT / alphaProdTPrev);
    float std = eta * sqrt(variance);
    NDArray prev;
    try (NDArray direction = eps.mul(sqrt(1f - alphaProdTPrev - std * std));
        NDArray scaledX0 = x0.mul(sqrt(alphaProdTPrev))) {
      prev = scaledX0.add(direction);
    }
    if (eta == 0f) {
      return new StepOutput(prev, x0);
    }
    try (prev;
        NDArray z = noise.draw(x.getShape());
        NDArray scaled = z.mul(std)) {
      return new StepOutput(prev.add(scaled), x0);
    }
  }
}
