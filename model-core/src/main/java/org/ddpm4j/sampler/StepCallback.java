package org.ddpm4j.sampler;

import ai.djl.ndarray.NDArray;

/** Called by {@link SamplingLoop} after every step: progress, and a preview of the predicted x0. */
@FunctionalInterface
public interface StepCallback {
  /** A callback that does nothing. */
  StepCallback NONE = (step, steps, timestep, predictedX0) -> {};

  /**
   * One step is done.
   *
   * @param step the step just taken, 0-based
   * @param steps the number of steps of the run
   * @param timestep the timestep of that step
   * @param predictedX0 the step's predicted x0 [B, C, H, W]; valid only during the call (copy what you keep)
   */
  void onStep(int step, int steps, int timestep, NDArray predictedX0);
}
