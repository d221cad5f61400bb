package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * diffusers {@code UpBlock2D} / {@code AttnUpBlock2D}: {@code layers_per_block + 1} resnets, each on the hidden state
 * concatenated with the skip popped from the stack ({@code [hidden, skip]} on channels), each followed by
 * self-attention in the attention variant, then an upsampler except in the last block.
 */
final class UpBlock {
  private final String prefix;
  private final List<AttentionBlock> attentions = new ArrayList<>();
  private final List<ResnetBlock2D> resnets = new ArrayList<>();
  private final Upsample2D upsampler;

  /**
   * Declares the parameters of up block {@code index} in diffusers' order (attentions, resnets, upsampler).
   *
   * @param prevOut the channels of the hidden state coming in
   * @param out the block's channels
   * @param skipIn the channels of the last skip this block consumes
   * @param last whether this is the last block (no upsampler)
   */
  UpBlock(ParameterStore store, int index, BlockType type, int prevOut, int out, int skipIn, boolean last,
      UNetConfig config, GroupNorm.UnitAffine unit) {
    this.prefix = "up_blocks." + index;
    int layers = config.layersPerBlock() + 1;
    if (type.hasAttention()) {
      for (int j = 0; j < layers; j++) {
        attentions.add(new AttentionBlock(store, prefix + ".attentions." + j, out, config, 1.0, unit));
      }
    }
    for (int j = 0; j < layers; j++) {
      int hiddenIn = j == 0 ? prevOut : out;
      int skipChannels = j == layers - 1 ? skipIn : out;
      resnets.add(new ResnetBlock2D(store, prefix + ".resnets." + j, hiddenIn + skipChannels, out, config, 1.0,
          unit));
    }
    this.upsampler = last ? null : new Upsample2D(store, prefix + ".upsamplers.0", out);
  }

  /**
   * Runs the block on {@code x} (left unchanged), consuming (and closing) one skip per resnet.
   *
   * @return a new array, the block's output
   */
  NDArray apply(NDArray x, NDArray tembAct, ForwardContext ctx, Deque<NDArray> skips) {
    NDArray h = x;
    for (int j = 0; j < resnets.size(); j++) {
      NDArray skip = skips.pop();
      NDArray cat = NDArrays.concat(new NDList(h, skip), 1);
      skip.close();
      if (h != x) {
        h.close();
      }
      NDArray r = ctx.replace(cat, resnets.get(j).apply(cat, tembAct, ctx));
      ctx.record(prefix + ".resnets." + j, r);
      if (!attentions.isEmpty()) {
        r = ctx.replace(r, attentions.get(j).apply(r, ctx));
        ctx.record(prefix + ".attentions." + j, r);
      }
      h = r;
    }
    if (upsampler != null) {
      h = ctx.replace(h, upsampler.apply(h));
      ctx.record(prefix + ".upsamplers.0", h);
    }
    ctx.record(prefix, h);
    return h;
  }
}
