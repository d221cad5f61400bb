package org.ddpm4j.nll;

/**
 * The two loss helpers of the bound, in double precision, as improved-diffusion's {@code losses.py} states them.
 */
public final class GaussianTerms {
  /** Half the width of one of the 256 pixel bins of data scaled to [-1, 1]. */
  public static final double HALF_BIN = 1.0 / 255.0;

  private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
  private static final double MIN_PROB = 1e-12;
  private static final double EDGE = 0.999;

  private GaussianTerms() {}

  /** KL(N(mean1, exp(logvar1)) || N(mean2, exp(logvar2))) in nats, per element. */
  public static double normalKl(double mean1, double logvar1, double mean2, double logvar2) {
    double d = mean1 - mean2;
    return 0.5 * (-1.0 + logvar2 - logvar1 + Math.exp(logvar1 - logvar2) + d * d * Math.exp(-logvar2));
  }

  /**
   * The standard normal CDF by the tanh approximation {@code 0.5 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))} that
   * improved-diffusion uses (not the exact erf: the two differ by up to 0.01 bits/dim at t = 0).
   */
  public static double approxStandardNormalCdf(double x) {
    return 0.5 * (1.0 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
  }

  /**
   * The log-likelihood (nats) of one pixel value {@code x} in [-1, 1] under a Gaussian discretized into 256 bins:
   * the mass of [x - 1/255, x + 1/255], with the edge bins open to -infinity (x &lt; -0.999) and +infinity
   * (x &gt; 0.999); every probability is clamped to at least 1e-12 before the log.
   *
   * @param logScale the log standard deviation
   */
  public static double discretizedGaussianLogLikelihood(double x, double mean, double logScale) {
    double centered = x - mean;
    double invStdv = Math.exp(-logScale);
    if (x < -EDGE) {
      return Math.log(Math.max(approxStandardNormalCdf(invStdv * (centered + HALF_BIN)), MIN_PROB));
    }
    if (x > EDGE) {
      return Math.log(Math.max(1.0 - approxStandardNormalCdf(invStdv * (centered - HALF_BIN)), MIN_PROB));
    }
    double cdfPlus = approxStandardNormalCdf(invStdv * (centered + HALF_BIN));
    double cdfMin = approxStandardNormalCdf(invStdv * (centered - HALF_BIN));
    return Math.log(Math.max(cdfPlus - cdfMin, MIN_PROB));
  }
}
