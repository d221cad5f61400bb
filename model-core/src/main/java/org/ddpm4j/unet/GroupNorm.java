package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * torch {@code nn.GroupNorm} over [N, C, H, W]: the C channels form G groups; each (sample, group) is normalised over
 * its (C/G)·H·W values with the biased variance and {@code eps}, then scaled and shifted per channel. DJL has no group
 * norm, so this is a layer norm over [N, G, (C/G)·H·W] followed by the per-channel affine map.
 */
final class GroupNorm {
  private final Param weight;
  private final Param bias;
  private final int channels;
  private final int groups;
  private final float eps;
  private final UnitAffine unit;

  GroupNorm(ParameterStore store, String prefix, int channels, int groups, double eps, UnitAffine unit) {
    if (channels % groups != 0) {
      throw new IllegalArgumentException(prefix + ": " + channels + " channels are not divisible into " + groups
          + " groups");
    }
    this.weight = store.declare(prefix + ".weight", new Shape(channels), new WeightInit.Constant(1f));
    this.bias = store.declare(prefix + ".bias", new Shape(channels), new WeightInit.Constant(0f));
    this.channels = channels;
    this.groups = groups;
    this.eps = (float) eps;
    this.unit = unit;
  }

  /** Normalises {@code x} (which it leaves unchanged) into a new array. */
  NDArray apply(NDArray x, ForwardContext ctx) {
    Shape shape = x.getShape();
    long n = shape.get(0);
    long perGroup = shape.size() / (n * groups);
    NDArray[] affine = unit.of(perGroup);
    NDArray grouped = x.reshape(n, groups, perGroup);
    NDArray normed = LayerNorm.layerNorm(grouped, new Shape(perGroup), affine[0], affine[1], eps)
        .singletonOrThrow();
    grouped.close();
    NDArray out = normed.reshape(shape);
    normed.close();
    NDArray w = ctx.own(weight.value().reshape(channels, 1, 1));
    NDArray b = ctx.own(bias.value().reshape(channels, 1, 1));
    return ctx.add(ctx.mul(out, w), b);
  }

  /**
   * The weight 1 and bias 0 that the layer norm inside needs, one pair per normalised length, kept for the model's
   * lifetime (they are constants, not parameters).
   */
  static final class UnitAffine {
    private final ai.djl.ndarray.NDManager manager;
    private final Map<Long, NDArray[]> byLength = new ConcurrentHashMap<>();

    UnitAffine(ai.djl.ndarray.NDManager manager) {
      this.manager = manager;
    }

    NDArray[] of(long length) {
      return byLength.computeIfAbsent(length, k -> new NDArray[] {
          manager.ones(new Shape(k)), manager.zeros(new Shape(k))});
    }
  }
}
