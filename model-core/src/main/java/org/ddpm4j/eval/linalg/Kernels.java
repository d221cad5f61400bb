package org.ddpm4j.eval.linalg;

/**
 * The dense kernels the algorithms of this package are built from. Every inner loop runs over a column index that is
 * the same in all arrays it touches, so C2 turns it into SIMD code; matrices are jagged rows and operands that take
 * part in a vectorized loop share their column numbering.
 */
public final class Kernels {
  /** Only the upper triangle of C (column {@code j >= i}) is computed; entries below it are left alone. */
  public static final int UPPER = 1;
  /** A is lower trapezoidal: {@code A(l, i) = 0} for {@code i > l}; those products are skipped. */
  public static final int A_LOWER = 2;
  /** B is lower trapezoidal: {@code B(l, j) = 0} for {@code j > l}; those products are skipped. */
  public static final int B_LOWER = 4;

  /** Depth of one pass over B (rows of B kept in cache while C's rows stream by). */
  private static final int KC = 128;
  /** Width of one pass over C and B (a C row segment of this length stays in L1). */
  private static final int NC = 512;
  /** Rows of C per parallel work item. */
  private static final int ROWS_PER_TASK = 16;
  /** Below this many rows a symmetric matrix-vector product is not split between threads. */
  private static final int PARALLEL_SYMV_ROWS = 384;

  private Kernels() {}

  /**
   * {@code C(i, j) += alpha * sum_l A(l, i) * B(l, j)} for {@code 0 <= i < m}, {@code 0 <= j < n},
   * {@code 0 <= l < k}, i.e. {@code C += alpha * A^T B}, where {@code A(l, i) = a[aRow + l][aCol + i]},
   * {@code B(l, j) = b[bRow + l][col + j]} and {@code C(i, j) = c[cRow + i][col + j]}: B and C share their column
   * numbering. Rows of C are distributed over the threads of {@code par}; C must not overlap the rows of A or B that
   * are read.
   *
   * @param flags any of {@link #UPPER}, {@link #A_LOWER}, {@link #B_LOWER}
   */
  public static void gemmTN(int m, int n, int k, double alpha, double[][] a, int aRow, int aCol, double[][] b,
      int bRow, double[][] c, int cRow, int col, int flags, Parallel par) {
    if (m <= 0 || n <= 0 || k <= 0) {
      return;
    }
    int tasks = (m + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    par.forEach(tasks, q -> {
      int i0 = q * ROWS_PER_TASK;
      gemmRows(i0, Math.min(m, i0 + ROWS_PER_TASK), n, k, alpha, a, aRow, aCol, b, bRow, c, cRow, col, flags);
    });
  }

  private static void gemmRows(int i0, int i1, int n, int k, double alpha, double[][] a, int aRow, int aCol,
      double[][] b, int bRow, double[][] c, int cRow, int col, int flags) {
    boolean upper = (flags & UPPER) != 0;
    boolean aLower = (flags & A_LOWER) != 0;
    boolean bLower = (flags & B_LOWER) != 0;
    for (int lc = 0; lc < k; lc += KC) {
      int le = Math.min(k, lc + KC);
      int rowEnd = aLower ? Math.min(i1, le) : i1;
      for (int jc = 0; jc < n; jc += NC) {
        int je = Math.min(n, jc + NC);
        if (bLower) {
          je = Math.min(je, le);
        }
        for (int i = i0; i < rowEnd; i++) {
          int js = upper ? Math.max(jc, i) : jc;
          if (js >= je) {
            continue;
          }
          int ls = aLower ? Math.max(lc, i) : lc;
          row(c[cRow + i], col + js, col + je, alpha, a, aRow, aCol + i, b, bRow, ls, le);
        }
      }
    }
  }

  /** {@code ci[from..to) += alpha * sum_{l in [ls, le)} a[aRow + l][ai] * b[bRow + l][from..to)}. */
  private static void row(double[] ci, int from, int to, double alpha, double[][] a, int aRow, int ai, double[][] b,
      int bRow, int ls, int le) {
    int l = ls;
    for (; l + 3 < le; l += 4) {
      axpy4(ci, b[bRow + l], b[bRow + l + 1], b[bRow + l + 2], b[bRow + l + 3], from, to,
          alpha * a[aRow + l][ai], alpha * a[aRow + l + 1][ai], alpha * a[aRow + l + 2][ai],
          alpha * a[aRow + l + 3][ai]);
    }
    for (; l < le; l++) {
      axpy(ci, b[bRow + l], from, to, alpha * a[aRow + l][ai]);
    }
  }

  /** {@code y[from..to) += s0 x0 + s1 x1 + s2 x2 + s3 x3}. */
  static void axpy4(double[] y, double[] x0, double[] x1, double[] x2, double[] x3, int from, int to, double s0,
      double s1, double s2, double s3) {
    for (int j = from; j < to; j++) {
      y[j] += s0 * x0[j] + s1 * x1[j] + s2 * x2[j] + s3 * x3[j];
    }
  }

  /** {@code y[from..to) += s x[from..to)}. */
  public static void axpy(double[] y, double[] x, int from, int to, double s) {
    for (int j = from; j < to; j++) {
      y[j] += s * x[j];
    }
  }

  /** {@code sum x[j] y[j]} over {@code [from, to)}, with four partial sums. */
  public static double dot(double[] x, double[] y, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = from;
    for (; j + 3 < to; j += 4) {
      s0 += x[j] * y[j];
      s1 += x[j + 1] * y[j + 1];
      s2 += x[j + 2] * y[j + 2];
      s3 += x[j + 3] * y[j + 3];
    }
    for (; j < to; j++) {
      s0 += x[j] * y[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code x[from..to) *= s}. */
  static void scale(double[] x, int from, int to, double s) {
    for (int j = from; j < to; j++) {
      x[j] *= s;
    }
  }

  /**
   * {@code y += S v} on the index range {@code [r0, r1)}, where S is the symmetric matrix whose upper triangle is
   * {@code a[i][j]} for {@code r0 <= i <= j < r1}; {@code v} and {@code y} are indexed like the columns of
   * {@code a}. Large ranges are split between the threads of {@code par}, each summing into its own copy of y.
   */
  public static void symvUpper(double[][] a, int r0, int r1, double[] v, double[] y, Parallel par) {
    int threads = par.threads();
    if (threads == 1 || r1 - r0 < PARALLEL_SYMV_ROWS) {
      symvRows(a, r0, r1, r1, v, y);
      return;
    }
    int[] bounds = balancedSplit(r0, r1, threads);
    double[][] parts = new double[threads][];
    par.forEach(threads, t -> {
      double[] part = new double[y.length];
      symvRows(a, bounds[t], bounds[t + 1], r1, v, part);
      parts[t] = part;
    });
    for (double[] part : parts) {
      axpy(y, part, r0, r1, 1.0);
    }
  }

  /** Splits the rows of an upper triangle (row i holds {@code r1 - i} entries) into parts of equal work. */
  private static int[] balancedSplit(int r0, int r1, int parts) {
    int[] bounds = new int[parts + 1];
    double total = (double) (r1 - r0) * (r1 - r0 + 1) / 2;
    bounds[0] = r0;
    int i = r0;
    double done = 0;
    for (int t = 1; t < parts; t++) {
      double target = total * t / parts;
      while (i < r1 && done + (r1 - i) <= target) {
        done += r1 - i;
        i++;
      }
      bounds[t] = i;
    }
    bounds[parts] = r1;
    return bounds;
  }

  /** The contribution of rows {@code [i0, i1)} of the upper triangle on {@code [.., r1)} to {@code y += S v}. */
  private static void symvRows(double[][] a, int i0, int i1, int r1, double[] v, double[] y) {
    int i = i0;
    for (; i + 3 < i1; i += 4) {
      double[] x0 = a[i];
      double[] x1 = a[i + 1];
      double[] x2 = a[i + 2];
      double[] x3 = a[i + 3];
      for (int p = 0; p < 4; p++) {
        double[] xp = a[i + p];
        for (int q = p; q < 4; q++) {
          y[i + p] += xp[i + q] * v[i + q];
          if (q > p) {
            y[i + q] += xp[i + q] * v[i + p];
          }
        }
      }
      int from = i + 4;
      axpy4(y, x0, x1, x2, x3, from, r1, v[i], v[i + 1], v[i + 2], v[i + 3]);
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      for (int j = from; j < r1; j++) {
        double vj = v[j];
        s0 += x0[j] * vj;
        s1 += x1[j] * vj;
        s2 += x2[j] * vj;
        s3 += x3[j] * vj;
      }
      y[i] += s0;
      y[i + 1] += s1;
      y[i + 2] += s2;
      y[i + 3] += s3;
    }
    for (; i < i1; i++) {
      double[] x = a[i];
      y[i] += x[i] * v[i] + dot(x, v, i + 1, r1);
      axpy(y, x, i + 1, r1, v[i]);
    }
  }
}
