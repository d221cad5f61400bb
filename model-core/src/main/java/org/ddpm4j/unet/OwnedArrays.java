package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Arrays made from Java data in memory of libtorch's own allocator. DJL's {@code NDManager.create(float[])} gives a
 * view of a Java direct buffer, whose address has no particular alignment; libtorch's vectorized kernels split their
 * reductions differently for other alignments, so the same weights would give results that differ in the last bits
 * from one load to the next, and a resumed training run would drift from an uninterrupted one. Weights, optimizer
 * moments and EMA weights are therefore always copied into an array libtorch allocated (64-byte aligned).
 */
public final class OwnedArrays {
  private OwnedArrays() {}

  /** The values as a new float32 array of the given shape, attached to {@code manager}. */
  public static NDArray of(NDManager manager, float[] values, Shape shape) {
    try (NDArray view = manager.create(values, shape)) {
      return view.duplicate();
    }
  }
}
