package org.ddpm4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import java.util.Collection;

/** Global gradient-norm clipping, as {@code torch.nn.utils.clip_grad_norm_} with the 2-norm. */
public final class GradientClipping {
  private GradientClipping() {}

  /**
   * Scales all gradients in place by {@code min(1, maxNorm / (total + 1e-6))}, where total is the 2-norm of the
   * per-tensor 2-norms, all in float32 (torch multiplies even when the factor is 1).
   *
   * @return the total norm before clipping
   */
  public static double clip(Collection<NDArray> gradients, double maxNorm) {
    if (!(maxNorm > 0)) {
      throw new IllegalArgumentException("gradient clipping: max norm must be > 0, got " + maxNorm);
    }
    try (NDScope ignored = new NDScope()) {
      NDList norms = new NDList();
      for (NDArray g : gradients) {
        norms.add(g.norm());
      }
      NDArray total = NDArrays.stack(norms).norm();
      NDArray coef = total.add(1e-6f).pow(-1).muli((float) maxNorm).minimum(1f);
      for (NDArray g : gradients) {
        g.muli(coef);
      }
      return total.getFloat();
    }
  }
}
