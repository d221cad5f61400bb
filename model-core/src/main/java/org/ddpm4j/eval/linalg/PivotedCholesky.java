package org.ddpm4j.eval.linalg;

/**
 * Rank-revealing Cholesky factorization with diagonal pivoting of a symmetric positive semi-definite matrix, the
 * blocked algorithm of LAPACK's {@code dpstrf}: {@code P^T S P = U^T U} with U upper trapezoidal of {@code rank}
 * rows. The factorization stops when the largest remaining pivot is at most {@code n * 2^-53 * max_i S(i,i)} (LAPACK's
 * default tolerance); the part left out is then of that order.
 */
final class PivotedCholesky {
  private static final int BLOCK = 64;

  /**
   * The factor.
   *
   * @param u rows {@code 0..rank-1} hold U (row c has its entries in columns {@code >= c}); other entries are scratch
   * @param rank number of rows of U
   * @param perm {@code perm[i]} is the index of S that row/column i of the factorized matrix came from
   */
  record Factor(double[][] u, int rank, int[] perm) {}

  private PivotedCholesky() {}

  /**
   * Factorizes the symmetric matrix whose upper triangle is {@code s} ({@code n x n}); {@code s} is overwritten and
   * returned as {@link Factor#u()}.
   */
  static Factor factor(double[][] s, int n, Parallel par) {
    int[] perm = new int[n];
    double maxDiag = 0;
    for (int i = 0; i < n; i++) {
      perm[i] = i;
      maxDiag = Math.max(maxDiag, s[i][i]);
    }
    double tol = n * 0x1p-53 * maxDiag;
    double[] work = new double[n];
    for (int j0 = 0; j0 < n; j0 += BLOCK) {
      int jend = Math.min(n, j0 + BLOCK);
      java.util.Arrays.fill(work, j0, n, 0.0);
      for (int j = j0; j < jend; j++) {
        if (j > j0) {
          double[] prev = s[j - 1];
          for (int i = j; i < n; i++) {
            work[i] += prev[i] * prev[i];
          }
        }
        int p = j;
        double best = s[j][j] - work[j];
        for (int i = j + 1; i < n; i++) {
          double d = s[i][i] - work[i];
          if (d > best) {
            best = d;
            p = i;
          }
        }
        if (!(best > tol)) {
          return new Factor(s, j, perm);
        }
        if (p != j) {
          swap(s, j, p, n);
          double w = work[j];
          work[j] = work[p];
          work[p] = w;
          int t = perm[j];
          perm[j] = perm[p];
          perm[p] = t;
        }
        double ajj = Math.sqrt(best);
        double[] rj = s[j];
        rj[j] = ajj;
        for (int c = j0; c < j; c++) {
          Kernels.axpy(rj, s[c], j + 1, n, -s[c][j]);
        }
        Kernels.scale(rj, j + 1, n, 1 / ajj);
      }
      if (jend < n) {
        Kernels.gemmTN(n - jend, n - jend, jend - j0, -1.0, s, j0, jend, s, j0, s, jend, jend, Kernels.UPPER, par);
      }
    }
    return new Factor(s, n, perm);
  }

  /**
   * Swaps indices j < p of the matrix whose finished rows {@code 0..j-1} hold U and whose rows from j on hold the
   * (partly updated) trailing matrix in their upper triangle, as LAPACK's symmetric row/column swap.
   */
  private static void swap(double[][] s, int j, int p, int n) {
    s[p][p] = s[j][j];
    for (int c = 0; c < j; c++) {
      double[] rc = s[c];
      double t = rc[j];
      rc[j] = rc[p];
      rc[p] = t;
    }
    double[] rj = s[j];
    double[] rp = s[p];
    for (int r = p + 1; r < n; r++) {
      double t = rj[r];
      rj[r] = rp[r];
      rp[r] = t;
    }
    for (int r = j + 1; r < p; r++) {
      double t = rj[r];
      rj[r] = s[r][p];
      s[r][p] = t;
    }
  }
}
