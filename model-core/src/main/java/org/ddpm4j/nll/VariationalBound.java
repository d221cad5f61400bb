package org.ddpm4j.nll;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.ddpm4j.sampler.EpsModel;

/**
 * Evaluates the full variational bound of a batch (improved-diffusion's {@code calc_bpd_loop}): for t = T-1 down to
 * 0, x_t is drawn from q(x_t | x_0), the model predicts eps, and the term of that timestep is computed; the prior term
 * and the sum give the total in bits/dim. Gradient recording is off during the loop.
 */
public final class VariationalBound {
  private final TimestepTerms terms;

  /** A bound over the given per-timestep arithmetic. */
  public VariationalBound(TimestepTerms terms) {
    this.terms = terms;
  }

  /**
   * The bound of one batch.
   *
   * @param model the noise-prediction network
   * @param manager the manager under which each timestep's arrays are made (and closed)
   * @param x0 the images in [-1, 1], [B, C, H, W] flat
   * @param imageShape (C, H, W)
   * @param indices the dataset index of each image (selects its noise)
   * @param noise the noise of each timestep
   * @param onTimestep called with each timestep once its term is done (progress), may be a no-op
   */
  public BoundResult evaluate(EpsModel model, NDManager manager, float[] x0, Shape imageShape, long[] indices,
      BoundNoise noise, IntConsumer onTimestep) {
    int batch = indices.length;
    if (imageShape.dimension() != 3 || x0.length != batch * imageShape.size()) {
      throw new IllegalArgumentException("bound: " + x0.length + " values do not form " + batch + " images of shape "
          + imageShape);
    }
    int steps = terms.tables().numTimesteps();
    Shape batchShape = new Shape(batch, imageShape.get(0), imageShape.get(1), imageShape.get(2));
    double[][] vb = new double[batch][steps];
    double[][] mse = new double[batch][steps];
    double[][] xstartMse = new double[batch][steps];
    float[] noiseT = new float[x0.length];
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      for (int t = steps - 1; t >= 0; t--) {
        noise.fill(t, indices, noiseT);
        float[] xt = terms.qSample(x0, noiseT, t);
        float[] eps;
        try (NDManager sub = manager.newSubManager()) {
          long[] ts = new long[batch];
          Arrays.fill(ts, t);
          NDArray out = model.predict(sub.create(xt, batchShape), sub.create(ts));
          if (!out.getShape().equals(batchShape)) {
            throw new IllegalStateException("bound: the model returned shape " + out.getShape() + " for input "
                + batchShape + " at timestep " + t);
          }
          eps = out.toFloatArray();
        }
        TermValues v = terms.evaluate(x0, xt, eps, noiseT, t, batch);
        for (int b = 0; b < batch; b++) {
          vb[b][t] = v.vb()[b];
          mse[b][t] = v.mse()[b];
          xstartMse[b][t] = v.xstartMse()[b];
        }
        onTimestep.accept(t);
      }
    } finally {
      JniUtils.setGradMode(gradMode);
    }
    double[] prior = terms.priorBpd(x0, batch);
    double[] total = new double[batch];
    for (int b = 0; b < batch; b++) {
      double s = prior[b];
      for (int t = 0; t < steps; t++) {
        s += vb[b][t];
      }
      total[b] = s;
    }
    return new BoundResult(total, prior, vb, mse, xstartMse);
  }
}
