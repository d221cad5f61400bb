package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.norm.Dropout;

/**
 * The state of one forward pass: the manager that owns its temporaries, whether it trains (dropout on), whether
 * temporaries may be overwritten in place (only when no gradient is recorded), and the optional recorder of
 * intermediates.
 */
final class ForwardContext {
  private final NDManager manager;
  private final boolean training;
  private final boolean inPlace;
  private final IntermediateRecorder recorder;

  ForwardContext(NDManager manager, boolean training, boolean inPlace, IntermediateRecorder recorder) {
    this.manager = manager;
    this.training = training;
    this.inPlace = inPlace;
    this.recorder = recorder;
  }

  /** The manager of this pass's temporaries. */
  NDManager manager() {
    return manager;
  }

  /** Moves an array derived from a parameter into this pass's manager, so it is closed with the pass. */
  NDArray own(NDArray derived) {
    derived.attach(manager);
    return derived;
  }

  /** Reports an intermediate to the recorder, if there is one. */
  void record(String name, NDArray value) {
    if (recorder != null) {
      recorder.record(name, value);
    }
  }

  /**
   * Closes a temporary that the caller no longer needs, unless it is the same array as {@code result} (an in-place
   * operation returns its input), and returns {@code result}.
   */
  NDArray replace(NDArray temporary, NDArray result) {
    if (temporary != result) {
      temporary.close();
    }
    return result;
  }

  /** SiLU, {@code x * sigmoid(x)}, of a temporary, which it consumes (overwrites in place, or closes). */
  NDArray silu(NDArray temporary) {
    NDArray s = temporary.getNDArrayInternal().sigmoid();
    if (inPlace) {
      temporary.muli(s);
      s.close();
      return temporary;
    }
    NDArray out = temporary.mul(s);
    s.close();
    temporary.close();
    return out;
  }

  /** SiLU of an array the caller keeps; the result is a new array. */
  NDArray siluOf(NDArray x) {
    NDArray s = x.getNDArrayInternal().sigmoid();
    return inPlace ? s.muli(x) : replace(s, x.mul(s));
  }

  /** {@code temporary + b}; consumes the temporary. */
  NDArray add(NDArray temporary, NDArray b) {
    return inPlace ? temporary.addi(b) : replace(temporary, temporary.add(b));
  }

  /** {@code temporary * b}; consumes the temporary. */
  NDArray mul(NDArray temporary, NDArray b) {
    return inPlace ? temporary.muli(b) : replace(temporary, temporary.mul(b));
  }

  /**
   * {@code temporary * s}; consumes the temporary. When gradients may be recorded, s is a libtorch scalar
   * ({@link OwnedArrays#scalar}), because autograd keeps it for the backward pass.
   */
  NDArray mul(NDArray temporary, float s) {
    if (inPlace) {
      return temporary.muli(s);
    }
    try (NDArray factor = OwnedArrays.scalar(manager, s)) {
      return replace(temporary, temporary.mul(factor));
    }
  }

  /** {@code temporary / s}; consumes the temporary (s as in {@link #mul(NDArray, float)}). */
  NDArray div(NDArray temporary, float s) {
    if (inPlace) {
      return temporary.divi(s);
    }
    try (NDArray divisor = OwnedArrays.scalar(manager, s)) {
      return replace(temporary, temporary.div(divisor));
    }
  }

  /** Dropout with the given rate of a temporary, which it consumes, while training; the identity otherwise. */
  NDArray dropout(NDArray temporary, float rate) {
    if (!training || rate == 0f) {
      return temporary;
    }
    return replace(temporary, Dropout.dropout(temporary, rate, true).singletonOrThrow());
  }
}
