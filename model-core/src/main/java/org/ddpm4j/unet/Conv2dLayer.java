package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/** A torch {@code nn.Conv2d} with bias: parameters {@code <prefix>.weight} [out, in, k, k] and {@code <prefix>.bias}. */
final class Conv2dLayer {
  private static final Shape NO_DILATION = new Shape(1, 1);

  private final Param weight;
  private final Param bias;
  private final Shape stride;
  private final Shape padding;

  Conv2dLayer(ParameterStore store, String prefix, int in, int out, int kernel, int stride, int padding) {
    WeightInit init = new WeightInit.FanInUniform((long) in * kernel * kernel);
    this.weight = store.declare(prefix + ".weight", new Shape(out, in, kernel, kernel), init);
    this.bias = store.declare(prefix + ".bias", new Shape(out), init);
    this.stride = new Shape(stride, stride);
    this.padding = new Shape(padding, padding);
  }

  NDArray apply(NDArray x) {
    return Conv2d.conv2d(x, weight.value(), bias.value(), stride, padding, NO_DILATION, 1)
        .singletonOrThrow();
  }
}
