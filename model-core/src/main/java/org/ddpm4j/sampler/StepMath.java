package org.ddpm4j.sampler;

import ai.djl.ndarray.NDArray;

/**
 * The arithmetic the samplers share, in diffusers' float32 order: scalar coefficients are Java floats (IEEE single,
 * as torch's 0-dim float32 tensors), array arithmetic is one NDArray operation per torch operation.
 */
final class StepMath {
  private StepMath() {}

  /** {@code v ** 0.5} of a float32 tensor: the correctly rounded float32 square root. */
  static float sqrt(float v) {
    return (float) Math.sqrt(v);
  }

  /**
   * The x0 an epsilon prediction implies: {@code (x - sqrtOneMinusAlphaBar * eps) / sqrtAlphaBar}.
   *
   * @return x0, attached to the manager of {@code x}
   */
  static NDArray predictX0(NDArray x, NDArray eps, float sqrtOneMinusAlphaBar, float sqrtAlphaBar) {
    try (NDArray scaledEps = eps.mul(sqrtOneMinusAlphaBar);
        NDArray diff = x.sub(scaledEps)) {
      return diff.div(sqrtAlphaBar);
    }
  }
}
