package org.ddpm4j.train;

/**
 * A linear learning-rate warm-up to a constant, as diffusers' {@code constant_with_warmup} schedule and the DDPM
 * paper's code: update k (counting from 0) uses {@code lr * min(1, k / warmupSteps)}, so the first update has
 * learning rate 0; with no warm-up every update uses lr.
 *
 * @param lr the learning rate after the warm-up
 * @param warmupSteps the length of the warm-up in updates (0 = none)
 */
public record LinearWarmup(double lr, long warmupSteps) {
  /** Checks the values. */
  public LinearWarmup {
    if (warmupSteps < 0) {
      throw new IllegalArgumentException("warmupSteps = " + warmupSteps + " is negative");
    }
  }

  /** The learning rate of update k (0-based). */
  public double at(long k) {
    return warmupSteps == 0 || k >= warmupSteps ? lr : lr * k / warmupSteps;
  }
}
