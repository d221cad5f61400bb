package org.ddpm4j.eval.linalg;

import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;

/** Eigenvalues of a symmetric matrix: {@link Tridiagonal} reduction, then EJML's implicit symmetric QR algorithm. */
public final class SymmetricEigenvalues {
  private SymmetricEigenvalues() {}

  /**
   * The eigenvalues, in no particular order.
   *
   * @param a the upper triangle of the symmetric {@code n x n} matrix (row i, columns {@code >= i}); destroyed
   * @throws ArithmeticException when the QR iteration does not converge
   */
  public static double[] of(double[][] a, int n, Parallel par) {
    if (n == 0) {
      return new double[0];
    }
    Tridiagonal.Result t = Tridiagonal.reduce(a, n, par);
    if (n == 1) {
      return t.diagonal();
    }
    SymmetricQrAlgorithm_DDRM qr = new SymmetricQrAlgorithm_DDRM();
    qr.setFastEigenvalues(true);
    if (!qr.process(n, t.diagonal(), t.offDiagonal())) {
      throw new ArithmeticException("symmetric QR algorithm did not converge for a " + n + " x " + n + " matrix");
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = qr.getEigenvalue(i);
    }
    return values;
  }
}
