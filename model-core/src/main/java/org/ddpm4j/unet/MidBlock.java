package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;

/**
 * diffusers {@code UNetMidBlock2D}: resnet, self-attention (when {@code add_attention}), resnet, all at the last
 * level's channels; resnet and attention outputs are divided by {@code mid_block_scale_factor}.
 */
final class MidBlock {
  private static final String PREFIX = "mid_block";

  private final AttentionBlock attention;
  private final ResnetBlock2D first;
  private final ResnetBlock2D second;

  /** Declares the parameters in diffusers' order (attention, then the two resnets). */
  MidBlock(ParameterStore store, UNetConfig config, GroupNorm.UnitAffine unit) {
    int channels = config.blockOutChannels().get(config.levels() - 1);
    double scale = config.midBlockScaleFactor();
    this.attention = config.addAttention()
        ? new AttentionBlock(store, PREFIX + ".attentions.0", channels, config, scale, unit)
        : null;
    this.first = new ResnetBlock2D(store, PREFIX + ".resnets.0", channels, channels, config, scale, unit);
    this.second = new ResnetBlock2D(store, PREFIX + ".resnets.1", channels, channels, config, scale, unit);
  }

  /** Runs the block on {@code x} (left unchanged) into a new array. */
  NDArray apply(NDArray x, NDArray tembAct, ForwardContext ctx) {
    NDArray h = first.apply(x, tembAct, ctx);
    ctx.record(PREFIX + ".resnets.0", h);
    if (attention != null) {
      h = ctx.replace(h, attention.apply(h, ctx));
      ctx.record(PREFIX + ".attentions.0", h);
    }
    h = ctx.replace(h, second.apply(h, tembAct, ctx));
    ctx.record(PREFIX + ".resnets.1", h);
    ctx.record(PREFIX, h);
    return h;
  }
}
