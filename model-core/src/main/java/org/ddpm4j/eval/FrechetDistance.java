package org.ddpm4j.eval;

import org.ddpm4j.eval.linalg.Parallel;
import org.ddpm4j.eval.linalg.TraceSqrtProduct;

/**
 * The Frechet distance between two Gaussians, as pytorch-fid's {@code calculate_frechet_distance}:
 * {@code |mu1 - mu2|^2 + tr sigma1 + tr sigma2 - 2 tr sqrt(sigma1 sigma2)}. The trace of the matrix square root is
 * the sum of the square roots of the eigenvalues of {@code sigma1 sigma2}, computed through a symmetric
 * eigenvalue problem ({@link TraceSqrtProduct}) instead of scipy's general {@code sqrtm}; for near-singular
 * covariances pytorch-fid's retry with {@code epsilon} added to both diagonals is reproduced by
 * {@link Offset#PYTORCH_FID}. Covariances are taken to be symmetric (np.cov's are exactly): only their upper
 * triangles enter the square root.
 */
public final class FrechetDistance {

  /** When the covariances get {@code epsilon} added to their diagonals (the traces use the original ones). */
  public enum Offset {
    /** When pytorch-fid 0.3.0 with scipy 1.10.1 does ({@link PytorchFidOffsetRule}). */
    PYTORCH_FID,
    /** Never: the plain eigenvalue route (torch-fidelity's value). */
    NEVER,
    /** Always (pytorch-fid's retry forced). */
    ALWAYS
  }

  /**
   * Settings.
   *
   * @param offset when to add the diagonal offset
   * @param epsilon the offset (pytorch-fid: 1e-6)
   * @param threads threads for the matrix products (at least 1)
   */
  public record Settings(Offset offset, double epsilon, int threads) {
    /** Checks the values. */
    public Settings {
      if (offset == null || !(epsilon >= 0) || threads < 1) {
        throw new IllegalArgumentException("invalid Frechet distance settings: offset " + offset + ", epsilon "
            + epsilon + ", threads " + threads);
      }
    }

    /** pytorch-fid's behaviour, all available processors. */
    public static Settings defaults() {
      return new Settings(Offset.PYTORCH_FID, 1e-6, Runtime.getRuntime().availableProcessors());
    }
  }

  /**
   * The distance and its terms.
   *
   * @param value the Frechet distance
   * @param meanTerm {@code |mu1 - mu2|^2}
   * @param trace1 {@code tr sigma1}
   * @param trace2 {@code tr sigma2}
   * @param traceSqrtProduct {@code tr sqrt(sigma1 sigma2)} (of the offset covariances when the offset was applied)
   * @param offsetApplied whether epsilon was added to the diagonals
   */
  public record Result(double value, double meanTerm, double trace1, double trace2, double traceSqrtProduct,
      boolean offsetApplied) {}

  private FrechetDistance() {}

  /**
   * Computes the distance.
   *
   * @throws IllegalArgumentException when the dimensions differ or a value is not finite
   */
  public static Result compute(MeanCovariance a, MeanCovariance b, Settings settings) {
    int d = a.dim();
    if (b.dim() != d) {
      throw new IllegalArgumentException("statistics of different dimensions: " + d + " and " + b.dim());
    }
    requireFinite(a, "first");
    requireFinite(b, "second");
    double meanTerm = 0;
    for (int i = 0; i < d; i++) {
      double diff = a.mu()[i] - b.mu()[i];
      meanTerm += diff * diff;
    }
    double trace1 = trace(a.sigma(), d);
    double trace2 = trace(b.sigma(), d);
    boolean offset = switch (settings.offset()) {
      case PYTORCH_FID -> PytorchFidOffsetRule.applies(a.sigma(), b.sigma(), d);
      case NEVER -> false;
      case ALWAYS -> true;
    };
    double[] s1 = offset ? withDiagonalOffset(a.sigma(), d, settings.epsilon()) : a.sigma();
    double[] s2 = offset ? withDiagonalOffset(b.sigma(), d, settings.epsilon()) : b.sigma();
    double traceSqrt;
    try (Parallel par = Parallel.of(settings.threads())) {
      traceSqrt = TraceSqrtProduct.of(s1, s2, d, par);
    }
    return new Result(meanTerm + trace1 + trace2 - 2 * traceSqrt, meanTerm, trace1, trace2, traceSqrt, offset);
  }

  private static double trace(double[] sigma, int d) {
    double t = 0;
    for (int i = 0; i < d; i++) {
      t += sigma[i * d + i];
    }
    return t;
  }

  private static double[] withDiagonalOffset(double[] sigma, int d, double eps) {
    double[] s = sigma.clone();
    for (int i = 0; i < d; i++) {
      s[i * d + i] += eps;
    }
    return s;
  }

  private static void requireFinite(MeanCovariance s, String which) {
    for (double[] v : new double[][] {s.mu(), s.sigma()}) {
      for (int i = 0; i < v.length; i++) {
        if (!Double.isFinite(v[i])) {
          throw new IllegalArgumentException(which + " statistics: non-finite " + (v == s.mu() ? "mu" : "sigma")
              + " value " + v[i] + " at flat index " + i);
        }
      }
    }
  }
}
