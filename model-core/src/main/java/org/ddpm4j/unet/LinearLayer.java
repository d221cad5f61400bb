package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

/** A torch {@code nn.Linear} with bias: parameters {@code <prefix>.weight} [out, in] and {@code <prefix>.bias}. */
final class LinearLayer {
  private final Param weight;
  private final Param bias;

  LinearLayer(ParameterStore store, String prefix, int in, int out) {
    WeightInit init = new WeightInit.FanInUniform(in);
    this.weight = store.declare(prefix + ".weight", new Shape(out, in), init);
    this.bias = store.declare(prefix + ".bias", new Shape(out), init);
  }

  /** {@code x W^T + b} over the last axis of {@code x}. */
  NDArray apply(NDArray x) {
    return Linear.linear(x, weight.value(), bias.value()).singletonOrThrow();
  }
}
