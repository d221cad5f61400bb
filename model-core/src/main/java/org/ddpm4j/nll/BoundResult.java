package org.ddpm4j.nll;

/**
 * The variational bound of a batch of images in bits/dim; arrays are indexed [image][timestep].
 *
 * @param totalBpd the bound: the sum of all T terms plus the prior term
 * @param priorBpd KL(q(x_T | x_0) || N(0, I))
 * @param vb the term of each timestep: the decoder NLL at t = 0, the KL L_t otherwise
 * @param mse mean squared error of the implied noise at each timestep
 * @param xstartMse mean squared error of the predicted x_0 at each timestep
 */
public record BoundResult(double[] totalBpd, double[] priorBpd, double[][] vb, double[][] mse, double[][] xstartMse) {

  /** The number of images. */
  public int images() {
    return totalBpd.length;
  }

  /** The decoder term -log p(x_0 | x_1) of image i (bits/dim). */
  public double decoderBpd(int i) {
    return vb[i][0];
  }

  /** The sum of the KL terms L_t over t &gt;= 1 of image i (bits/dim). */
  public double klSumBpd(int i) {
    double s = 0;
    for (int t = 1; t < vb[i].length; t++) {
      s += vb[i][t];
    }
    return s;
  }
}
