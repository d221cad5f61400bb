package org.ddpm4j.sampler;

import ai.djl.ndarray.NDArray;
import org.ddpm4j.schedule.NoiseSchedule;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.schedule.TimestepSpacing;

/**
 * What DDPM and DDIM share in diffusers v0.21.4: timesteps from {@link TimestepSpacing#timesteps} (leading by default)
 * and a previous timestep of {@code t - T // n} whatever the spacing (diffusers' {@code prev_timestep}).
 */
abstract class StridedSampler implements Sampler {
  /** The scheduler configuration. */
  protected final SchedulerConfig config;
  /** abar_t, float32. */
  protected final float[] alphasCumprod;
  private int[] timesteps;
  private int stepRatio;

  StridedSampler(SchedulerConfig config) {
    this.config = config;
    this.alphasCumprod = NoiseSchedule.of(config).alphasCumprod();
  }

  @Override
  public void setTimesteps(int n) {
    int numTrain = config.numTrainTimesteps();
    timesteps = config.timestepSpacingOr(TimestepSpacing.LEADING).timesteps(numTrain, n, config.stepsOffset());
    stepRatio = numTrain / n;
  }

  @Override
  public int[] timesteps() {
    requireTimesteps();
    return timesteps.clone();
  }

  /**
   * {@code t - T // n}, the timestep a step from {@code t} goes to (negative after the last step).
   *
   * @throws IllegalStateException before {@link #setTimesteps(int)}
   * @throws IllegalArgumentException when t is outside [0, T)
   */
  protected int previousTimestep(int t) {
    requireTimesteps();
    if (t < 0 || t >= alphasCumprod.length) {
      throw new IllegalArgumentException("timestep " + t + " is outside [0, " + alphasCumprod.length + ")");
    }
    return t - stepRatio;
  }

  /**
   * x0 clamped to +-{@code clip_sample_range} when {@code clip_sample} is set (the unclamped array is then closed),
   * else x0 itself.
   */
  protected NDArray clipIfConfigured(NDArray x0) {
    if (!config.clipSample()) {
      return x0;
    }
    float range = (float) config.clipSampleRange();
    try (x0) {
      return x0.clip(-range, range);
    }
  }

  private void requireTimesteps() {
    if (timesteps == null) {
      throw new IllegalStateException(getClass().getSimpleName() + ": call setTimesteps(n) before stepping");
    }
  }
}
