package org.ddpm4j.nll;

import org.ddpm4j.noise.NoiseSource;

/** The noise that forms x_t from x_0 at each timestep of the bound. */
@FunctionalInterface
public interface BoundNoise {
  /**
   * Fills {@code dst} ([B, C, H, W] flat) with the noise of timestep t for the images with the given dataset indices.
   */
  void fill(int t, long[] indices, float[] dst);

  /**
   * Noise from a {@link NoiseSource}: image i at timestep t gets the source's noise of (i, step t), so the bound of an
   * image does not depend on the batch it is evaluated in.
   */
  static BoundNoise of(NoiseSource source) {
    return (t, indices, dst) -> {
      int per = dst.length / indices.length;
      for (int b = 0; b < indices.length; b++) {
        source.fill(indices[b], t, dst, b * per, per);
      }
    };
  }
}
