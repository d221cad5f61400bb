package org.ddpm4j.eval.linalg;

/**
 * {@code tr sqrt(S1 S2)} for symmetric positive semi-definite S1, S2: the sum of the square roots of the eigenvalues
 * of S1 S2, which are those of the symmetric matrix {@code L^T S2 L} for any factor {@code S1 = L L^T}. L comes from
 * a {@link PivotedCholesky} factorization (rank-revealing, so a singular S1 gives a smaller problem); the eigenvalues
 * from {@link SymmetricEigenvalues}. Negative eigenvalues (rounding) count as zero; positive ones at rounding level
 * are kept, as scipy's {@code sqrtm} and torch-fidelity's {@code eigvals} keep theirs. The rank revealed by the
 * factorization removes the null space of S1 exactly, where the references add the square roots of rounding noise
 * (about {@code 1e-7} per null dimension). About {@code 10/3 n^3}
 * floating-point operations for full rank.
 */
public final class TraceSqrtProduct {
  private TraceSqrtProduct() {}

  /**
   * Computes {@code tr sqrt(S1 S2)}.
   *
   * @param s1 S1, row-major {@code n x n} (only its upper triangle is read)
   * @param s2 S2, row-major {@code n x n} (only its upper triangle is read)
   * @param n the dimension
   * @param par threads for the dense products
   */
  public static double of(double[] s1, double[] s2, int n, Parallel par) {
    double[][] f = new double[n][];
    for (int i = 0; i < n; i++) {
      f[i] = java.util.Arrays.copyOfRange(s1, i * n, i * n + n);
    }
    PivotedCholesky.Factor factor = PivotedCholesky.factor(f, n, par);
    int k = factor.rank();
    if (k == 0) {
      return 0;
    }
    int[] perm = factor.perm();
    double[][] p2 = new double[n][n];
    for (int i = 0; i < n; i++) {
      int pi = perm[i];
      double[] row = p2[i];
      for (int j = 0; j < n; j++) {
        int pj = perm[j];
        row[j] = pi <= pj ? s2[pi * n + pj] : s2[pj * n + pi];
      }
    }
    double[][] l = new double[n][k];
    for (int c = 0; c < k; c++) {
      double[] uc = factor.u()[c];
      for (int r = c; r < n; r++) {
        l[r][c] = uc[r];
      }
    }
    double[][] w = new double[n][k];
    Kernels.gemmTN(n, k, n, 1.0, p2, 0, 0, l, 0, w, 0, 0, Kernels.B_LOWER, par);
    double[][] c = new double[k][k];
    Kernels.gemmTN(k, k, n, 1.0, l, 0, 0, w, 0, c, 0, 0, Kernels.A_LOWER | Kernels.UPPER, par);
    double sum = 0;
    for (double lambda : SymmetricEigenvalues.of(c, k, par)) {
      if (lambda > 0) {
        sum += Math.sqrt(lambda);
      }
    }
    return sum;
  }
}
