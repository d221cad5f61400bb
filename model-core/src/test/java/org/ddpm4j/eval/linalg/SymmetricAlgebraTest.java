package org.ddpm4j.eval.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/** Checks the pivoted Cholesky factor, the eigenvalues and tr sqrt(S1 S2) against EJML's dense decompositions. */
class SymmetricAlgebraTest {

  /** A random covariance-like matrix X^T X / rows (rank min(rows, n)), optionally with zero rows/columns. */
  static DMatrixRMaj covariance(SplittableRandom rng, int n, int rows, int deadFrom, int deadTo) {
    DMatrixRMaj x = new DMatrixRMaj(rows, n);
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < n; j++) {
        x.set(r, j, j >= deadFrom && j < deadTo ? 0 : rng.nextGaussian() * (1 + j % 3));
      }
    }
    DMatrixRMaj s = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransA(x, x, s);
    CommonOps_DDRM.scale(1.0 / rows, s);
    return s;
  }

  private static double[][] rows(DMatrixRMaj m) {
    double[][] r = new double[m.numRows][];
    for (int i = 0; i < m.numRows; i++) {
      r[i] = Arrays.copyOfRange(m.data, i * m.numCols, (i + 1) * m.numCols);
    }
    return r;
  }

  private static double[] ejmlEigenvalues(DMatrixRMaj m) {
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, false, true);
    if (!eig.decompose(m.copy())) {
      throw new AssertionError("EJML failed");
    }
    double[] v = new double[m.numRows];
    for (int i = 0; i < v.length; i++) {
      v[i] = eig.getEigenvalue(i).real;
    }
    Arrays.sort(v);
    return v;
  }

  @Test
  void eigenvaluesMatchEjmlForAllSizesAroundTheBlockSize() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int n : new int[] {1, 2, 3, 5, 31, 32, 33, 64, 65, 130, 400}) {
      DMatrixRMaj s = covariance(rng, n, n + 3, 0, 0);
      for (int i = 0; i < n; i++) {
        s.set(i, i, s.get(i, i) - 1.0); // indefinite too
      }
      double[] expected = ejmlEigenvalues(s);
      double[] got = SymmetricEigenvalues.of(rows(s), n, Parallel.SERIAL);
      Arrays.sort(got);
      double scale = Math.max(Math.abs(expected[0]), Math.abs(expected[n - 1]));
      assertArrayEquals(expected, got, 1e-12 * scale * n, "n = " + n);
    }
  }

  @Test
  void pivotedCholeskyReconstructsSingularMatricesAndReportsTheirRank() {
    SplittableRandom rng = new SplittableRandom(5);
    int n = 200;
    for (int rowsOfX : new int[] {50, 150, 400}) {
      DMatrixRMaj s = covariance(rng, n, rowsOfX, 10, 20);
      PivotedCholesky.Factor f;
      try (Parallel par = Parallel.of(2)) {
        f = PivotedCholesky.factor(rows(s), n, par);
      }
      assertEquals(Math.min(rowsOfX, n - 10), f.rank(), "rank for " + rowsOfX + " rows");
      int[] perm = f.perm();
      double worst = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
          double sum = 0;
          for (int c = 0; c <= Math.min(i, f.rank() - 1); c++) {
            sum += f.u()[c][i] * f.u()[c][j];
          }
          worst = Math.max(worst, Math.abs(sum - s.get(perm[i], perm[j])));
        }
      }
      assertEquals(0, worst, 1e-12 * CommonOps_DDRM.elementMaxAbs(s) * n);
    }
  }

  @Test
  void traceSqrtProductEqualsTheSumOfSquareRootsOfTheEigenvaluesOfSqrtS1S2SqrtS1() {
    SplittableRandom rng = new SplittableRandom(9);
    int n = 120;
    for (int[] shape : new int[][] {{400, 300, 0, 0}, {60, 300, 0, 0}, {300, 80, 0, 8}, {70, 90, 4, 12}}) {
      DMatrixRMaj s1 = covariance(rng, n, shape[0], 0, shape[2]);
      DMatrixRMaj s2 = covariance(rng, n, shape[1], shape[2], shape[3]);
      // reference: sqrt(S1) from EJML's symmetric eigen-decomposition, then eigenvalues of sqrt(S1) S2 sqrt(S1)
      EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
      eig.decompose(s1.copy());
      // eigenvalues of S1 at rounding level are zeros (rank-deficient S1); their square roots would add ~1e-8 each
      double largest = CommonOps_DDRM.elementMaxAbs(s1) * n;
      DMatrixRMaj root = new DMatrixRMaj(n, n);
      for (int i = 0; i < n; i++) {
        DMatrixRMaj v = eig.getEigenVector(i);
        double lambda = eig.getEigenvalue(i).real;
        double w = lambda > 1e-13 * largest ? Math.sqrt(lambda) : 0;
        for (int r = 0; r < n; r++) {
          for (int c = 0; c < n; c++) {
            root.add(r, c, w * v.get(r) * v.get(c));
          }
        }
      }
      DMatrixRMaj t = new DMatrixRMaj(n, n);
      DMatrixRMaj m = new DMatrixRMaj(n, n);
      CommonOps_DDRM.mult(root, s2, t);
      CommonOps_DDRM.mult(t, root, m);
      double[] lambdas = ejmlEigenvalues(m);
      double expected = 0;
      for (double l : lambdas) {
        expected += l > 1e-13 * lambdas[n - 1] ? Math.sqrt(l) : 0; // rounding-level eigenvalues are zeros
      }
      double got = TraceSqrtProduct.of(s1.data, s2.data, n, Parallel.SERIAL);
      // a singular S2 leaves a null space in L^T S2 L whose rounding-level eigenvalues add ~1e-7 each
      assertEquals(expected, got, 2e-8 * expected, "shape " + Arrays.toString(shape));
    }
  }
}
