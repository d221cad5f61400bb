package org.ddpm4j.noise;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Gaussian noise that is a pure function of (seed, sample index, step): the same seed and index give the same image
 * whatever the batch size, the other samples in the batch, the thread count or how the work is split.
 *
 * <p>The RNG: a 64-bit key is derived as {@code mix(mix(mix(seed) ^ index) ^ stream)} with the SplitMix64 finaliser
 * {@code mix}, where stream 0 is the initial x_T and stream k+1 is the noise of sampling step k (k counts the loop's
 * steps from 0, not timesteps). The key seeds a SplitMix64 sequence; each pair of 64-bit outputs gives two uniforms
 * u1 in (0,1], u2 in [0,1) from their top 53 bits, and Box-Muller gives {@code sqrt(-2 ln u1) cos(2 pi u2)} and
 * {@code sqrt(-2 ln u1) sin(2 pi u2)} in double precision, rounded to float32. Values fill the sample's tensor in
 * row-major (C, H, W) order.
 */
public final class NoiseSource {
  /** The step number that denotes the initial noise x_T. */
  public static final int X_T = -1;

  private final long seed;

  /** A noise source for one seed. */
  public NoiseSource(long seed) {
    this.seed = seed;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The SplitMix64 finaliser (Stafford variant 13). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Fills {@code out[offset .. offset+count)} with the noise of one sample at one step.
   *
   * @param index the sample index (global, not the position in a batch)
   * @param step {@link #X_T} for the initial noise, else the loop step 0..n-1
   */
  public void fill(long index, int step, float[] out, int offset, int count) {
    long state = mix(mix(mix(seed) ^ index) ^ (step + 1L));
    final long golden = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < count; i += 2) {
      state += golden;
      long a = mix(state);
      state += golden;
      long b = mix(state);
      double u1 = ((a >>> 11) + 1) * 0x1.0p-53;
      double u2 = (b >>> 11) * 0x1.0p-53;
      double r = Math.sqrt(-2.0 * Math.log(u1));
      double th = 2.0 * Math.PI * u2;
      out[offset + i] = (float) (r * Math.cos(th));
      if (i + 1 < count) {
        out[offset + i + 1] = (float) (r * Math.sin(th));
      }
    }
  }

  /**
   * The noise of a batch of samples at one step, as an NDArray of shape [B, ...sampleShape].
   *
   * @param manager the manager that owns the result
   * @param indices the global sample index of each batch row
   * @param step {@link #X_T} or the loop step
   * @param sampleShape the shape of one sample, e.g. (C, H, W)
   */
  public NDArray batch(NDManager manager, long[] indices, int step, Shape sampleShape) {
    int per = Math.toIntExact(sampleShape.size());
    float[] data = new float[per * indices.length];
    for (int b = 0; b < indices.length; b++) {
      fill(indices[b], step, data, b * per, per);
    }
    long[] dims = new long[sampleShape.dimension() + 1];
    dims[0] = indices.length;
    System.arraycopy(sampleShape.getShape(), 0, dims, 1, sampleShape.dimension());
    return manager.create(data, new Shape(dims));
  }
}
