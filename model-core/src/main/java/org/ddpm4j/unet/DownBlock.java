package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * diffusers {@code DownBlock2D} / {@code AttnDownBlock2D}: {@code layers_per_block} resnets, each followed by
 * self-attention in the attention variant, then a downsampler except in the last block. Every resnet (+attention)
 * output and the downsampler output are pushed onto the skip stack.
 */
final class DownBlock {
  private final String prefix;
  private final List<AttentionBlock> attentions = new ArrayList<>();
  private final List<ResnetBlock2D> resnets = new ArrayList<>();
  private final Downsample2D downsampler;

  /**
   * Declares the parameters of down block {@code index} in diffusers' order (attentions, resnets, downsampler).
   *
   * @param in the channels coming in
   * @param out the block's channels
   * @param last whether this is the last block (no downsampler)
   */
  DownBlock(ParameterStore store, int index, BlockType type, int in, int out, boolean last, UNetConfig config,
      GroupNorm.UnitAffine unit) {
    this.prefix = "down_blocks." + index;
    int layers = config.layersPerBlock();
    if (type.hasAttention()) {
      for (int j = 0; j < layers; j++) {
        attentions.add(new AttentionBlock(store, prefix + ".attentions." + j, out, config, 1.0, unit));
      }
    }
    for (int j = 0; j < layers; j++) {
      resnets.add(new ResnetBlock2D(store, prefix + ".resnets." + j, j == 0 ? in : out, out, config, 1.0, unit));
    }
    this.downsampler = last ? null
        : new Downsample2D(store, prefix + ".downsamplers.0", out, config.downsamplePadding());
  }

  /**
   * Runs the block on {@code x} (left unchanged) and pushes its outputs onto {@code skips}.
   *
   * @return the hidden state after the block (the last pushed skip)
   */
  NDArray apply(NDArray x, NDArray tembAct, ForwardContext ctx, Deque<NDArray> skips) {
    NDArray h = x;
    for (int j = 0; j < resnets.size(); j++) {
      NDArray r = resnets.get(j).apply(h, tembAct, ctx);
      ctx.record(prefix + ".resnets." + j, r);
      if (!attentions.isEmpty()) {
        r = ctx.replace(r, attentions.get(j).apply(r, ctx));
        ctx.record(prefix + ".attentions." + j, r);
      }
      skips.push(r);
      h = r;
    }
    if (downsampler != null) {
      h = downsampler.apply(h);
      ctx.record(prefix + ".downsamplers.0", h);
      skips.push(h);
    }
    ctx.record(prefix, h);
    return h;
  }
}
