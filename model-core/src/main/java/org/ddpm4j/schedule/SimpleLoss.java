package org.ddpm4j.schedule;

import ai.djl.ndarray.NDArray;

/**
 * L_simple of Ho et al. (2020), the DDPM training objective: the mean squared error between the noise that was added
 * and the model's prediction of it, averaged over every element (diffusers' training examples:
 * {@code F.mse_loss(model_output, noise)}).
 */
public final class SimpleLoss {
  private SimpleLoss() {}

  /**
   * mean((predicted - eps)^2) over all elements.
   *
   * @param eps the noise given to the forward process
   * @param predicted the model's eps prediction, same shape
   * @return a scalar NDArray, attached to the manager of {@code predicted} (gradients flow to {@code predicted})
   * @throws IllegalArgumentException when the shapes differ
   */
  public static NDArray of(NDArray eps, NDArray predicted) {
    if (!eps.getShape().equals(predicted.getShape())) {
      throw new IllegalArgumentException(
          "L_simple: eps has shape " + eps.getShape() + " but the prediction has " + predicted.getShape());
    }
    try (NDArray diff = predicted.sub(eps);
        NDArray squared = diff.square()) {
      return squared.mean();
    }
  }
}
