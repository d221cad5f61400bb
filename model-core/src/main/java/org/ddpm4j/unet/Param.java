package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * One named parameter of the U-Net: its diffusers key, its shape, how it is initialised and its current value. The
 * value is set when the model is initialised or loaded and lives in the model's manager.
 */
final class Param {
  private final String key;
  private final Shape shape;
  private final WeightInit init;
  private NDArray value;

  Param(String key, Shape shape, WeightInit init) {
    this.key = key;
    this.shape = shape;
    this.init = init;
  }

  String key() {
    return key;
  }

  Shape shape() {
    return shape;
  }

  WeightInit init() {
    return init;
  }

  /** The current value; fails when the parameter was never initialised or loaded. */
  NDArray value() {
    if (value == null) {
      throw new IllegalStateException("parameter '" + key + "' has no value");
    }
    return value;
  }

  /** Replaces the value, closing the previous one. */
  void set(NDArray newValue) {
    if (value != null && value != newValue) {
      value.close();
    }
    value = newValue;
  }
}
