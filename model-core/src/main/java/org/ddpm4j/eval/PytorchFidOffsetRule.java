package org.ddpm4j.eval;

/**
 * Predicts when pytorch-fid 0.3.0 (with scipy 1.10.1) retries its Frechet distance with {@code 1e-6} added to the
 * covariance diagonals, so that {@link FrechetDistance} can match it without running scipy's {@code sqrtm}.
 *
 * <p>pytorch-fid retries when {@code scipy.linalg.sqrtm(sigma1 @ sigma2)} returns NaN. scipy's square root of the
 * Schur form T fails only on an exact zero denominator {@code R_ii + R_jj = 0} with a non-zero numerator inside one
 * diagonal block of its blocked algorithm (blocks of 64: {@code max(d / 64, 1)} blocks, the smaller ones first);
 * off-diagonal blocks are solved by LAPACK's {@code trsyl}, which does not fail. Exact zeros on T's diagonal come from
 * exactly zero rows and columns of {@code M = sigma1 sigma2}: a feature that is constant in set 1 zeroes its row of
 * M, one constant in set 2 its column. LAPACK's balancing moves zero rows to the bottom and zero columns to the top
 * of T, where they are coupled by non-zero entries of M; a pair of them inside one block is a zero denominator with
 * a non-zero numerator. Hence the rule: the offset is applied when some feature is constant in set 1 but not in set
 * 2 and another is constant in set 2 but not in set 1, and the block holding the last of the {@code z2} top
 * positions reaches into the {@code z1} bottom positions (features constant in set 1; features constant in both
 * sets isolate harmlessly). For {@code d < 128} (one block) that is any such pair; for {@code d >= 128} only when
 * constant features fill the matrix from both ends into a common block.
 *
 * <p>Checked against scipy 1.10.1 on the golden cases (b64 yes; a, b, c no) and on constructed ones (d = 64, 100,
 * 127, 128, 192, 200 with various constant columns). Not modelled: balancing that cascades (e.g. one set with
 * nearly every feature constant), exact zeros of other origins, and pytorch-fid's {@code ValueError} for a complex
 * square root with a diagonal imaginary part above 1e-3 (the eigenvalue route has no imaginary part).
 */
final class PytorchFidOffsetRule {
  /** scipy's default {@code sqrtm} block size. */
  private static final int BLOCK = 64;

  private PytorchFidOffsetRule() {}

  /** Whether pytorch-fid would add the offset for these covariances (row-major d x d). */
  static boolean applies(double[] sigma1, double[] sigma2, int d) {
    int constant1 = 0;
    int onlyConstant1 = 0;
    int onlyConstant2 = 0;
    for (int i = 0; i < d; i++) {
      boolean c1 = zeroRow(sigma1, i, d);
      boolean c2 = zeroRow(sigma2, i, d);
      constant1 += c1 ? 1 : 0;
      onlyConstant1 += c1 && !c2 ? 1 : 0;
      onlyConstant2 += c2 && !c1 ? 1 : 0;
    }
    if (onlyConstant1 == 0 || onlyConstant2 == 0) {
      return false;
    }
    int blocks = Math.max(d / BLOCK, 1);
    int small = d / blocks;
    int smallBlocks = blocks - d % blocks;
    int end = 0;
    for (int b = 0; b < blocks; b++) {
      end += b < smallBlocks ? small : small + 1;
      if (onlyConstant2 - 1 < end) {
        return end > d - constant1;
      }
    }
    throw new IllegalStateException("unreachable: blocks cover all " + d + " positions");
  }

  private static boolean zeroRow(double[] sigma, int i, int d) {
    for (int j = 0; j < d; j++) {
      if (sigma[i * d + j] != 0.0) {
        return false;
      }
    }
    return true;
  }
}
