package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Arrays made from Java data in memory of libtorch's own allocator. DJL's {@code NDManager.create(float[])} gives a
 * view of a Java direct buffer: its lifetime is the Java buffer's, not libtorch's, and its address has no particular
 * alignment. Weights, optimizer moments and EMA weights are therefore always copied into an array libtorch allocated
 * (64-byte aligned, reference counted). (They were moved here for a drift of resumed training runs that was put down
 * to alignment; the freed scalar below may have been its real cause, see docs/TRAINING.md.)
 *
 * <p>Scalars need the same care while gradients are recorded. DJL's {@code NDArray.mul(Number)} (and {@code div},
 * {@code pow}, ...) wraps the number in such a view and closes it when the operation returns, but autograd has
 * saved that 0-dim tensor for the backward pass (the gradient of {@code x * s} is {@code grad * s}). Once the garbage
 * collector frees the buffer, the backward pass reads whatever the memory holds then: the training gradient was
 * sometimes slightly wrong and sometimes NaN. A scalar operand of a recorded operation must come from
 * {@link #scalar}.
 */
public final class OwnedArrays {
  private OwnedArrays() {}

  /** The values as a new float32 array of the given shape, attached to {@code manager}. */
  public static NDArray of(NDManager manager, float[] values, Shape shape) {
    try (NDArray view = manager.create(values, shape)) {
      return view.duplicate();
    }
  }

  /** The value as a new float32 0-dim array in libtorch's memory, attached to {@code manager}. */
  public static NDArray scalar(NDManager manager, float value) {
    return manager.full(new Shape(), value, DataType.FLOAT32);
  }
}
