package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * diffusers {@code Upsample2D} with a convolution: nearest-neighbour x2 ({@code F.interpolate(scale_factor=2,
 * mode="nearest")}), then a 3x3 convolution with padding 1.
 */
final class Upsample2D {
  /** DJL's interpolation mode for nearest neighbour. */
  private static final int NEAREST = 0;

  private final Conv2dLayer conv;

  /** Declares {@code <prefix>.conv.weight} and {@code <prefix>.conv.bias}. */
  Upsample2D(ParameterStore store, String prefix, int channels) {
    this.conv = new Conv2dLayer(store, prefix + ".conv", channels, channels, 3, 1, 1);
  }

  /** Doubles the resolution of {@code x} (left unchanged) into a new array. */
  NDArray apply(NDArray x) {
    Shape s = x.getShape();
    NDArray up = x.getNDArrayInternal().interpolation(new long[] {2 * s.get(2), 2 * s.get(3)}, NEAREST, false);
    NDArray out = conv.apply(up);
    up.close();
    return out;
  }
}
