package org.ddpm4j.sampler;

import ai.djl.ndarray.NDArray;

/**
 * A reverse-process scheduler, separate from the model as in diffusers. One instance drives one batch through one run
 * (multistep solvers keep state between steps); make a new one per run and close it after the run.
 */
public interface Sampler extends AutoCloseable {
  /** Chooses the inference timesteps for {@code n} steps. */
  void setTimesteps(int n);

  /** The inference timesteps, descending, as chosen by {@link #setTimesteps(int)}. */
  int[] timesteps();

  /**
   * One reverse step from {@code x} at timestep {@code t} given the model's eps.
   *
   * @param noise the noise for this step if it adds any
   */
  StepOutput step(NDArray eps, int t, NDArray x, StepNoise noise);

  /** A step of a sampler that adds no noise (DDIM eta 0, DPM-Solver++), or fails if it needs some. */
  default StepOutput step(NDArray eps, int t, NDArray x) {
    return step(eps, t, x, StepNoise.NONE);
  }

  /** Releases what the sampler keeps between steps (nothing for the single-step samplers). */
  @Override
  default void close() {}
}
