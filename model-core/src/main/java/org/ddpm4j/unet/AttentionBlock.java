package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * diffusers {@code Attention} as built for the U-Net's attention blocks ({@code _from_deprecated_attn_block},
 * {@code AttnProcessor}): GroupNorm, the H·W positions as a sequence, {@code to_q}/{@code to_k}/{@code to_v} with bias,
 * softmax(q·kᵀ/sqrt(head_dim)) per head (float32), times v, {@code to_out.0} with bias, plus the input, divided by the
 * rescale factor. {@code to_out.1} is a dropout of rate 0 and has no weights.
 */
final class AttentionBlock {
  private final GroupNorm groupNorm;
  private final LinearLayer toQ;
  private final LinearLayer toK;
  private final LinearLayer toV;
  private final LinearLayer toOut;
  private final int heads;
  private final float scale;
  private final float rescaleOutputFactor;

  /** Declares the parameters under {@code prefix} in diffusers' order. */
  AttentionBlock(ParameterStore store, String prefix, int channels, UNetConfig config, double rescaleOutputFactor,
      GroupNorm.UnitAffine unit) {
    this.groupNorm = new GroupNorm(store, prefix + ".group_norm", channels, config.normNumGroups(), config.normEps(),
        unit);
    this.toQ = new LinearLayer(store, prefix + ".to_q", channels, channels);
    this.toK = new LinearLayer(store, prefix + ".to_k", channels, channels);
    this.toV = new LinearLayer(store, prefix + ".to_v", channels, channels);
    this.toOut = new LinearLayer(store, prefix + ".to_out.0", channels, channels);
    this.heads = config.heads(channels);
    this.scale = (float) Math.pow((double) channels / heads, -0.5);
    this.rescaleOutputFactor = (float) rescaleOutputFactor;
  }

  /** Runs the block on {@code x} [B, C, H, W] (left unchanged) into a new array. */
  NDArray apply(NDArray x, ForwardContext ctx) {
    Shape shape = x.getShape();
    long b = shape.get(0);
    long c = shape.get(1);
    long seq = shape.get(2) * shape.get(3);
    NDArray normed = groupNorm.apply(x, ctx);
    NDArray flat = normed.reshape(b, c, seq);
    NDArray tokens = flat.transpose(0, 2, 1);
    NDArray q = splitHeads(toQ.apply(tokens), b, seq);
    NDArray k = splitHeads(toK.apply(tokens), b, seq);
    NDArray v = splitHeads(toV.apply(tokens), b, seq);
    tokens.close();
    flat.close();
    normed.close();
    NDArray kt = k.transpose(0, 2, 1);
    NDArray scores = ctx.mul(q.matMul(kt), scale);
    kt.close();
    k.close();
    q.close();
    NDArray probs = ctx.replace(scores, scores.softmax(-1));
    NDArray attended = ctx.replace(probs, probs.matMul(v));
    v.close();
    attended = ctx.replace(attended, mergeHeads(attended, b, seq, c));
    NDArray projected = ctx.replace(attended, toOut.apply(attended));
    NDArray back = projected.transpose(0, 2, 1);
    NDArray image = back.reshape(shape);
    NDArray out = image.add(x);
    image.close();
    back.close();
    projected.close();
    return rescaleOutputFactor == 1f ? out : ctx.div(out, rescaleOutputFactor);
  }

  /** [B, S, heads*d] to [B*heads, S, d]; the identity for one head. */
  private NDArray splitHeads(NDArray x, long b, long seq) {
    if (heads == 1) {
      return x;
    }
    long d = x.getShape().get(2) / heads;
    NDArray split = x.reshape(b, seq, heads, d);
    NDArray perm = split.transpose(0, 2, 1, 3);
    NDArray out = perm.reshape(b * heads, seq, d);
    perm.close();
    split.close();
    x.close();
    return out;
  }

  /** [B*heads, S, d] to [B, S, heads*d]; the identity for one head. */
  private NDArray mergeHeads(NDArray x, long b, long seq, long c) {
    if (heads == 1) {
      return x;
    }
    NDArray split = x.reshape(b, heads, seq, c / heads);
    NDArray perm = split.transpose(0, 2, 1, 3);
    NDArray out = perm.reshape(b, seq, c);
    perm.close();
    split.close();
    return out;
  }
}
