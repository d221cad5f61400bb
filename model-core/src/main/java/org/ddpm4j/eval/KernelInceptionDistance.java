package org.ddpm4j.eval;

import org.ddpm4j.eval.linalg.Kernels;
import org.ddpm4j.eval.linalg.Parallel;

/**
 * The kernel inception distance as clean-fid's {@code kernel_distance}: with the cubic polynomial kernel
 * {@code k(x, y) = (x.y / d + 1)^3}, per subset of {@code m = min(n1, n2, maxSubsetSize)} rows from each set the
 * unbiased MMD^2 {@code (sum_{i != j} k(x_i, x_j) + sum_{i != j} k(y_i, y_j)) / (m (m - 1)) - 2 sum_{i,j} k(x_i, y_j) /
 * m^2}, averaged over the subsets (torch-fidelity's {@code kid_features_to_metric} uses the same formula). Products
 * are formed in double precision and the kernel sums compensated: the MMD is a difference of sums ~100 times larger
 * than itself. clean-fid reports only the mean; {@link Result#std()} is the population standard
 * deviation over the subsets, torch-fidelity's convention. clean-fid draws its subsets from numpy's unseeded global
 * RNG (set 2 first, then set 1), which is not reproduced: the seeded Java draws keep that order, and recorded subsets
 * can be passed to {@link #compute(FeatureMatrix, FeatureMatrix, int[][], int[][], int)} instead.
 */
public final class KernelInceptionDistance {

  /**
   * Settings.
   *
   * @param numSubsets number of subsets (clean-fid: 100)
   * @param maxSubsetSize largest subset size m (clean-fid: 1000)
   * @param seed seed of the subset draws
   * @param threads threads for the kernel matrices
   */
  public record Settings(int numSubsets, int maxSubsetSize, long seed, int threads) {
    /** Checks the values. */
    public Settings {
      if (numSubsets < 1 || maxSubsetSize < 2 || threads < 1) {
        throw new IllegalArgumentException("invalid KID settings: numSubsets " + numSubsets + ", maxSubsetSize "
            + maxSubsetSize + ", threads " + threads);
      }
    }

    /** clean-fid's defaults (100 subsets of up to 1000), seed 0, one thread. */
    public static Settings defaults() {
      return new Settings(100, 1000, 0, 1);
    }
  }

  /**
   * The distance.
   *
   * @param mean the KID (mean over subsets)
   * @param std population standard deviation over subsets
   * @param subsetSize m
   * @param subsetValues the MMD^2 of each subset
   */
  public record Result(double mean, double std, int subsetSize, double[] subsetValues) {}

  private KernelInceptionDistance() {}

  /** KID with subsets drawn from the settings' seed (for each subset: set 2's rows first, then set 1's). */
  public static Result compute(FeatureMatrix features1, FeatureMatrix features2, Settings settings) {
    int m = Math.min(Math.min(features1.rows(), features2.rows()), settings.maxSubsetSize());
    SubsetSampler sampler = new SubsetSampler(settings.seed());
    int[][] subsets1 = new int[settings.numSubsets()][];
    int[][] subsets2 = new int[settings.numSubsets()][];
    for (int s = 0; s < settings.numSubsets(); s++) {
      subsets2[s] = sampler.subset(features2.rows(), m);
      subsets1[s] = sampler.subset(features1.rows(), m);
    }
    return compute(features1, features2, subsets1, subsets2, settings.threads());
  }

  /**
   * KID over given subsets: subset s takes rows {@code subsets1[s]} of set 1 and {@code subsets2[s]} of set 2, all of
   * one size m.
   *
   * @throws IllegalArgumentException for different feature dimensions, m below 2, subsets of unequal sizes, an index
   *     out of range or a non-finite feature
   */
  public static Result compute(FeatureMatrix features1, FeatureMatrix features2, int[][] subsets1, int[][] subsets2,
      int threads) {
    if (features1.dim() != features2.dim()) {
      throw new IllegalArgumentException("feature sets of different dimensions: " + features1.dim() + " and "
          + features2.dim());
    }
    if (subsets1.length != subsets2.length || subsets1.length == 0) {
      throw new IllegalArgumentException("need the same positive number of subsets for both sets, got "
          + subsets1.length + " and " + subsets2.length);
    }
    int m = subsets1[0].length;
    if (m < 2) {
      throw new IllegalArgumentException("KID needs subsets of at least 2 samples, got " + m);
    }
    features1.requireFinite("KID features of set 1");
    features2.requireFinite("KID features of set 2");
    double[] values = new double[subsets1.length];
    try (Parallel par = Parallel.of(threads)) {
      for (int s = 0; s < values.length; s++) {
        double[][] y = transposedRows(features1, subsets1[s], m, "set 1, subset " + s);
        double[][] x = transposedRows(features2, subsets2[s], m, "set 2, subset " + s);
        values[s] = mmd2(x, y, m, features1.dim(), par);
      }
    }
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double var = 0;
    for (double v : values) {
      var += (v - mean) * (v - mean);
    }
    return new Result(mean, Math.sqrt(var / values.length), m, values);
  }

  /** The unbiased MMD^2 of two subsets given as transposed [d][m] matrices. */
  private static double mmd2(double[][] x, double[][] y, int m, int d, Parallel par) {
    double xx = offDiagonalKernelSum(x, m, d, par);
    double yy = offDiagonalKernelSum(y, m, d, par);
    double[][] g = new double[m][m];
    Kernels.gemmTN(m, m, d, 1.0, x, 0, 0, y, 0, g, 0, 0, 0, par);
    CompensatedSum xy = new CompensatedSum();
    for (double[] row : g) {
      for (double v : row) {
        xy.add(kernel(v, d));
      }
    }
    return (xx + yy) / ((double) m * (m - 1)) - 2 * xy.value() / ((double) m * m);
  }

  /** {@code sum_{i != j} k(x_i, x_j)} from the upper triangle of the Gram matrix. */
  private static double offDiagonalKernelSum(double[][] x, int m, int d, Parallel par) {
    double[][] g = new double[m][m];
    Kernels.gemmTN(m, m, d, 1.0, x, 0, 0, x, 0, g, 0, 0, Kernels.UPPER, par);
    CompensatedSum sum = new CompensatedSum();
    for (int i = 0; i < m; i++) {
      double[] row = g[i];
      for (int j = i + 1; j < m; j++) {
        sum.add(kernel(row[j], d));
      }
    }
    return 2 * sum.value();
  }

  private static double kernel(double dot, int d) {
    double k = dot / d + 1;
    return k * k * k;
  }

  /** The selected rows as a transposed double matrix [d][m]. */
  private static double[][] transposedRows(FeatureMatrix f, int[] rows, int m, String where) {
    if (rows.length != m) {
      throw new IllegalArgumentException("KID " + where + ": " + rows.length + " indices, expected " + m);
    }
    int d = f.dim();
    double[][] t = new double[d][m];
    float[] v = f.values();
    for (int c = 0; c < m; c++) {
      int r = rows[c];
      if (r < 0 || r >= f.rows()) {
        throw new IllegalArgumentException("KID " + where + ": row index " + r + " outside 0.." + (f.rows() - 1));
      }
      int o = r * d;
      for (int j = 0; j < d; j++) {
        t[j][c] = v[o + j];
      }
    }
    return t;
  }
}
