package org.ddpm4j.eval;

import java.io.Serializable;
import org.ddpm4j.eval.linalg.Kernels;
import org.ddpm4j.eval.linalg.Parallel;

/**
 * Streaming mean and covariance of feature vectors in double precision. Rows are added in chunks: each chunk's mean
 * and centred scatter matrix are merged into the running ones with the pairwise formula of Chan, Golub and LeVeque
 * ({@code M = M_a + M_b + delta delta^T n_a n_b / n}), which is also how two partial statistics (e.g. of two Flink
 * subtasks) are merged; the result equals a one-pass computation up to rounding. Holds O(d^2) doubles, never the
 * features. Not thread-safe; serializable so partial statistics can be shipped between workers.
 */
public final class FeatureStatistics implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int CHUNK = 256;

  private final int dim;
  private long count;
  private final double[] mean;
  /** Upper triangle of the scatter matrix sum (x - mean)(x - mean)^T. */
  private final double[][] scatter;

  /**
   * Empty statistics.
   *
   * @param dim feature dimension d
   */
  public FeatureStatistics(int dim) {
    if (dim <= 0) {
      throw new IllegalArgumentException("feature dimension must be positive, got " + dim);
    }
    this.dim = dim;
    this.mean = new double[dim];
    this.scatter = new double[dim][dim];
  }

  /** The feature dimension d. */
  public int dim() {
    return dim;
  }

  /** Number of samples added so far. */
  public long count() {
    return count;
  }

  /** Adds the rows of a feature matrix. */
  public FeatureStatistics add(FeatureMatrix features) {
    return add(features.values(), features.rows());
  }

  /**
   * Adds a batch of float32 rows.
   *
   * @param rows row-major {@code [n, dim]}
   * @throws IllegalArgumentException for a wrong length or a non-finite value (naming the row and feature)
   */
  public FeatureStatistics add(float[] rows, int n) {
    checkLength(rows.length, n);
    for (int r0 = 0; r0 < n; r0 += CHUNK) {
      int nb = Math.min(CHUNK, n - r0);
      double[][] x = new double[nb][dim];
      for (int r = 0; r < nb; r++) {
        int o = (r0 + r) * dim;
        for (int j = 0; j < dim; j++) {
          x[r][j] = rows[o + j];
        }
      }
      addChunk(x, r0);
    }
    return this;
  }

  /**
   * Adds a batch of float64 rows.
   *
   * @param rows row-major {@code [n, dim]}
   * @throws IllegalArgumentException for a wrong length or a non-finite value (naming the row and feature)
   */
  public FeatureStatistics add(double[] rows, int n) {
    checkLength(rows.length, n);
    for (int r0 = 0; r0 < n; r0 += CHUNK) {
      int nb = Math.min(CHUNK, n - r0);
      double[][] x = new double[nb][];
      for (int r = 0; r < nb; r++) {
        x[r] = java.util.Arrays.copyOfRange(rows, (r0 + r) * dim, (r0 + r + 1) * dim);
      }
      addChunk(x, r0);
    }
    return this;
  }

  private void checkLength(int length, int n) {
    if (n < 0 || length != (long) n * dim) {
      throw new IllegalArgumentException("a batch of " + n + " rows of dimension " + dim + " needs "
          + (long) n * dim + " values, got " + length);
    }
  }

  /** Centres the chunk on its own mean, accumulates its scatter and merges its mean. */
  private void addChunk(double[][] x, int firstRow) {
    int nb = x.length;
    double[] m = new double[dim];
    for (int r = 0; r < nb; r++) {
      double[] row = x[r];
      for (int j = 0; j < dim; j++) {
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException("non-finite feature value " + row[j] + " in row " + (firstRow + r)
              + " of the batch, feature " + j);
        }
      }
      Kernels.axpy(m, row, 0, dim, 1.0);
    }
    for (int j = 0; j < dim; j++) {
      m[j] /= nb;
    }
    for (double[] row : x) {
      Kernels.axpy(row, m, 0, dim, -1.0);
    }
    Kernels.gemmTN(dim, dim, nb, 1.0, x, 0, 0, x, 0, scatter, 0, 0, Kernels.UPPER, Parallel.SERIAL);
    combine(m, nb);
  }

  /**
   * Merges another partial statistics into this one (Chan et al.); {@code other} is unchanged.
   *
   * @throws IllegalArgumentException when the dimensions differ
   */
  public FeatureStatistics merge(FeatureStatistics other) {
    if (other.dim != dim) {
      throw new IllegalArgumentException("cannot merge statistics of dimension " + other.dim + " into dimension "
          + dim);
    }
    for (int i = 0; i < dim; i++) {
      Kernels.axpy(scatter[i], other.scatter[i], i, dim, 1.0);
    }
    combine(other.mean, other.count);
    return this;
  }

  /** Merges the mean of {@code nb} samples whose scatter has already been added to ours. */
  private void combine(double[] otherMean, long nb) {
    if (nb == 0) {
      return;
    }
    long n = count + nb;
    double[] delta = new double[dim];
    for (int j = 0; j < dim; j++) {
      delta[j] = otherMean[j] - mean[j];
    }
    double f = (double) count * nb / n;
    for (int i = 0; i < dim; i++) {
      Kernels.axpy(scatter[i], delta, i, dim, f * delta[i]);
    }
    Kernels.axpy(mean, delta, 0, dim, (double) nb / n);
    count = n;
  }

  /** The mean (a copy); zeros while empty. */
  public double[] mu() {
    return mean.clone();
  }

  /**
   * The covariance, row-major d x d, divided by {@code count - 1} like {@code np.cov}.
   *
   * @throws IllegalStateException with fewer than 2 samples
   */
  public double[] sigma() {
    if (count < 2) {
      throw new IllegalStateException("a covariance needs at least 2 samples, got " + count);
    }
    double[] s = new double[dim * dim];
    double div = count - 1;
    for (int i = 0; i < dim; i++) {
      for (int j = i; j < dim; j++) {
        double v = scatter[i][j] / div;
        s[i * dim + j] = v;
        s[j * dim + i] = v;
      }
    }
    return s;
  }

  /**
   * Mean and covariance, for FID.
   *
   * @throws IllegalStateException with fewer than 2 samples
   */
  public MeanCovariance toMeanCovariance() {
    return new MeanCovariance(mu(), sigma());
  }
}
