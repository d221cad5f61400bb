package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;

/** diffusers {@code TimestepEmbedding}: {@code linear_1} (C0 to 4·C0), SiLU, {@code linear_2} (4·C0 to 4·C0). */
final class TimestepEmbedding {
  private final LinearLayer linear1;
  private final LinearLayer linear2;

  /** Declares {@code time_embedding.linear_1.*} and {@code time_embedding.linear_2.*}. */
  TimestepEmbedding(ParameterStore store, int in, int dim) {
    this.linear1 = new LinearLayer(store, "time_embedding.linear_1", in, dim);
    this.linear2 = new LinearLayer(store, "time_embedding.linear_2", dim, dim);
  }

  /** The embedding [B, dim] of the sinusoidal projection [B, in] (left unchanged). */
  NDArray apply(NDArray projected, ForwardContext ctx) {
    NDArray h = ctx.silu(linear1.apply(projected));
    return ctx.replace(h, linear2.apply(h));
  }
}
