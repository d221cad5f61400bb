package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * diffusers {@code Downsample2D} with a convolution: 3x3, stride 2. With {@code downsample_padding} 0 the input is
 * first padded by one zero column on the right and one zero row at the bottom ({@code F.pad(x, (0, 1, 0, 1))}) and
 * convolved unpadded; with 1 it is convolved with padding 1 on every side.
 */
final class Downsample2D {
  private static final Shape PAD_RIGHT_BOTTOM = new Shape(0, 1, 0, 1);

  private final Conv2dLayer conv;
  private final boolean asymmetricPad;

  /** Declares {@code <prefix>.conv.weight} and {@code <prefix>.conv.bias}. */
  Downsample2D(ParameterStore store, String prefix, int channels, int padding) {
    this.asymmetricPad = padding == 0;
    this.conv = new Conv2dLayer(store, prefix + ".conv", channels, channels, 3, 2, padding);
  }

  /** Halves the resolution of {@code x} (left unchanged) into a new array. */
  NDArray apply(NDArray x) {
    if (!asymmetricPad) {
      return conv.apply(x);
    }
    NDArray padded = x.pad(PAD_RIGHT_BOTTOM, 0);
    NDArray out = conv.apply(padded);
    padded.close();
    return out;
  }
}
