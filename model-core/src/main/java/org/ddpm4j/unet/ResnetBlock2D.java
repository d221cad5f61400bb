package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;

/**
 * diffusers {@code ResnetBlock2D} (time_embedding_norm "default"): GroupNorm, SiLU, 3x3 conv, plus the projected
 * timestep embedding; GroupNorm, SiLU, dropout, 3x3 conv; plus the shortcut (a 1x1 conv when the channel count
 * changes), divided by the output scale factor.
 */
final class ResnetBlock2D {
  private final GroupNorm norm1;
  private final Conv2dLayer conv1;
  private final LinearLayer timeEmbProj;
  private final GroupNorm norm2;
  private final Conv2dLayer conv2;
  private final Conv2dLayer convShortcut;
  private final float dropout;
  private final float outputScaleFactor;

  /** Declares the parameters under {@code prefix} in diffusers' order. */
  ResnetBlock2D(ParameterStore store, String prefix, int in, int out, UNetConfig config, double outputScaleFactor,
      GroupNorm.UnitAffine unit) {
    int groups = config.normNumGroups();
    this.norm1 = new GroupNorm(store, prefix + ".norm1", in, groups, config.normEps(), unit);
    this.conv1 = new Conv2dLayer(store, prefix + ".conv1", in, out, 3, 1, 1);
    this.timeEmbProj = new LinearLayer(store, prefix + ".time_emb_proj", config.timeEmbedDim(), out);
    this.norm2 = new GroupNorm(store, prefix + ".norm2", out, groups, config.normEps(), unit);
    this.conv2 = new Conv2dLayer(store, prefix + ".conv2", out, out, 3, 1, 1);
    this.convShortcut = in == out ? null : new Conv2dLayer(store, prefix + ".conv_shortcut", in, out, 1, 1, 0);
    this.dropout = (float) config.dropout();
    this.outputScaleFactor = (float) outputScaleFactor;
  }

  /**
   * Runs the block.
   *
   * @param x the input [B, in, H, W], left unchanged
   * @param tembAct SiLU of the timestep embedding [B, 4*C0] (the same for every resnet, so computed once)
   * @return a new array [B, out, H, W]
   */
  NDArray apply(NDArray x, NDArray tembAct, ForwardContext ctx) {
    NDArray h = ctx.silu(norm1.apply(x, ctx));
    h = ctx.replace(h, conv1.apply(h));
    NDArray t = timeEmbProj.apply(tembAct);
    NDArray t4 = t.expandDims(2).expandDims(3);
    h = ctx.add(h, t4);
    t4.close();
    t.close();
    NDArray h2 = ctx.silu(norm2.apply(h, ctx));
    h.close();
    h2 = ctx.dropout(h2, dropout);
    NDArray out = ctx.replace(h2, conv2.apply(h2));
    if (convShortcut == null) {
      out = ctx.add(out, x);
    } else {
      NDArray s = convShortcut.apply(x);
      out = ctx.add(out, s);
      s.close();
    }
    return outputScaleFactor == 1f ? out : ctx.div(out, outputScaleFactor);
  }
}
