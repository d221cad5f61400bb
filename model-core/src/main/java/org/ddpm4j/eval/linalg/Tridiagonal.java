package org.ddpm4j.eval.linalg;

/**
 * Householder reduction of a symmetric matrix to tridiagonal form by the blocked algorithm of LAPACK's
 * {@code dsytrd}/{@code dlatrd} (lower triangle, column-major; here the upper triangle of row-major rows, the same
 * numbers): panels of {@link #BLOCK} reflectors whose two-sided update of the trailing matrix is one rank-2k product.
 */
final class Tridiagonal {
  private static final int BLOCK = 32;

  /**
   * The tridiagonal matrix.
   *
   * @param diagonal the n diagonal entries
   * @param offDiagonal the n-1 entries next to the diagonal
   */
  record Result(double[] diagonal, double[] offDiagonal) {}

  private Tridiagonal() {}

  /** Reduces the symmetric matrix whose upper triangle is {@code a} ({@code n x n}, destroyed). */
  static Result reduce(double[][] a, int n, Parallel par) {
    double[] d = new double[n];
    double[] e = new double[Math.max(0, n - 1)];
    double[][] w = new double[BLOCK][n];
    double[] tmp = new double[BLOCK];
    for (int i0 = 0; i0 < n - 1; i0 += BLOCK) {
      int jb = Math.min(BLOCK, n - 1 - i0);
      panel(a, n, i0, jb, w, e, tmp, par);
      int t0 = i0 + jb;
      int m = n - t0;
      Kernels.gemmTN(m, m, jb, -1.0, w, 0, t0, a, i0, a, t0, t0, Kernels.UPPER, par);
      Kernels.gemmTN(m, m, jb, -1.0, a, i0, t0, w, 0, a, t0, t0, Kernels.UPPER, par);
      for (int j = i0; j < t0; j++) {
        a[j][j + 1] = e[j];
        d[j] = a[j][j];
      }
    }
    if (n > 0) {
      d[n - 1] = a[n - 1][n - 1];
    }
    return new Result(d, e);
  }

  /**
   * Reduces columns {@code i0..i0+jb-1} (LAPACK's dlatrd): leaves the reflectors in those rows (with their leading 1)
   * and the matching rows of W such that the trailing matrix is to be updated by {@code -(V W^T + W V^T)}.
   */
  private static void panel(double[][] a, int n, int i0, int jb, double[][] w, double[] e, double[] tmp,
      Parallel par) {
    for (int i = 0; i < jb; i++) {
      int g = i0 + i;
      double[] ag = a[g];
      for (int c = 0; c < i; c++) {
        Kernels.axpy(ag, a[i0 + c], g, n, -w[c][g]);
        Kernels.axpy(ag, w[c], g, n, -a[i0 + c][g]);
      }
      double tau = reflector(ag, g + 1, n);
      e[g] = ag[g + 1];
      ag[g + 1] = 1.0;
      double[] wi = w[i];
      int from = g + 1;
      java.util.Arrays.fill(wi, from, n, 0.0);
      Kernels.symvUpper(a, from, n, ag, wi, par);
      for (int c = 0; c < i; c++) {
        tmp[c] = Kernels.dot(w[c], ag, from, n);
      }
      for (int c = 0; c < i; c++) {
        Kernels.axpy(wi, a[i0 + c], from, n, -tmp[c]);
      }
      for (int c = 0; c < i; c++) {
        tmp[c] = Kernels.dot(a[i0 + c], ag, from, n);
      }
      for (int c = 0; c < i; c++) {
        Kernels.axpy(wi, w[c], from, n, -tmp[c]);
      }
      Kernels.scale(wi, from, n, tau);
      double alpha = -0.5 * tau * Kernels.dot(wi, ag, from, n);
      Kernels.axpy(wi, ag, from, n, alpha);
    }
  }

  /**
   * LAPACK's dlarfg on {@code x[from..to)}: finds H = I - tau v v^T with v(0) = 1 such that H x = (beta, 0, ...);
   * stores beta in {@code x[from]} and v(1..) in {@code x[from+1..to)}, and returns tau (0 when x is already of that
   * form).
   */
  private static double reflector(double[] x, int from, int to) {
    if (to - from <= 1) {
      return 0;
    }
    double xnorm = Math.sqrt(Kernels.dot(x, x, from + 1, to));
    if (xnorm == 0) {
      return 0;
    }
    double alpha = x[from];
    double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
    Kernels.scale(x, from + 1, to, 1 / (alpha - beta));
    x[from] = beta;
    return (beta - alpha) / beta;
  }
}
