/**
 * Dense symmetric linear algebra for the Frechet distance: a rank-revealing pivoted Cholesky factorization, a
 * congruence product, a Householder tridiagonalization and the eigenvalues of the result (EJML's implicit symmetric
 * QR algorithm). Matrices are jagged {@code double[][]} rows: HotSpot's C2 compiler vectorizes the inner loops only
 * when every array in them is indexed by the same loop variable, which rows of equal column numbering give.
 * Symmetric matrices are kept in their upper triangle (row {@code i}, columns {@code >= i}).
 */
package org.ddpm4j.eval.linalg;
