package org.ddpm4j.sampler;

import ai.djl.ndarray.NDArray;

/** A noise-prediction network eps_theta(x_t, t), as the sampling loop sees it. */
public interface EpsModel {
  /**
   * Predicts the noise in a batch.
   *
   * @param x the noisy samples [B, C, H, W], float32
   * @param t the timesteps, int64 [B] (or a scalar broadcast to the batch)
   * @return eps [B, C, H, W], attached to the manager of {@code x}
   */
  NDArray predict(NDArray x, NDArray t);
}
