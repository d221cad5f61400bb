package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;

/**
 * Receives the named intermediate results of a forward pass, in forward order, for diagnosis: {@code time_proj},
 * {@code time_embedding}, {@code conv_in}, each {@code down_blocks.i.resnets.j}, {@code ...attentions.j},
 * {@code ...downsamplers.0} and {@code down_blocks.i}, {@code mid_block.resnets.0}, {@code mid_block.attentions.0},
 * {@code mid_block.resnets.1}, {@code mid_block}, then the same for {@code up_blocks.i} (with {@code upsamplers.0}),
 * and {@code conv_norm_out}, {@code conv_act}, {@code conv_out}. The names are those of diffusers' sub-modules.
 */
@FunctionalInterface
public interface IntermediateRecorder {
  /**
   * Called once per named sub-module output.
   *
   * @param name the diffusers module name
   * @param value the output; it is closed when the forward pass ends, so copy what you keep (e.g. {@code
   *     toFloatArray()})
   */
  void record(String name, NDArray value);
}
