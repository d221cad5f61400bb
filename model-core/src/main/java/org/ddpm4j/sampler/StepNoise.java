package org.ddpm4j.sampler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Supplies the Gaussian noise a stochastic step needs (DDPM, DDIM with eta &gt; 0). It is asked at most once per
 * step, and only when noise is added, so deterministic samplers never draw.
 */
@FunctionalInterface
public interface StepNoise {
  /** No noise available: a step that needs noise fails with a clear error. */
  StepNoise NONE = shape -> {
    throw new IllegalStateException("this step adds noise, but no noise source was given");
  };

  /** Noise of the given batch shape, attached to a manager the caller closes at the end of the step. */
  NDArray draw(Shape shape);
}
