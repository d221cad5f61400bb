package org.ddpm4j.nll;

/**
 * The bound of a set of images in bits/dim: the mean and its standard error over the images, and the means of the
 * prior term L_T, the decoder term L_0 = -log p(x_0 | x_1), the KL terms L_1..L_{T-1} summed, and each timestep's term.
 *
 * @param n images
 * @param total mean total bound
 * @param totalStdErr standard error of the mean total (sample standard deviation / sqrt(n))
 * @param prior mean prior term
 * @param decoder mean decoder term
 * @param klSum mean sum of the KL terms
 * @param perTimestep the mean term of each timestep t (index t; t = 0 is the decoder term)
 */
public record BoundSummary(int n, double total, double totalStdErr, double prior, double decoder, double klSum,
    double[] perTimestep) {

  /** Accumulates the per-image results of batches. */
  static final class Builder {
    private final double[] perTimestep;
    private int n;
    private double sum;
    private double sumSq;
    private double prior;
    private double decoder;
    private double klSum;

    Builder(int timesteps) {
      this.perTimestep = new double[timesteps];
    }

    void add(BoundResult r) {
      for (int i = 0; i < r.images(); i++) {
        n++;
        sum += r.totalBpd()[i];
        sumSq += r.totalBpd()[i] * r.totalBpd()[i];
        prior += r.priorBpd()[i];
        decoder += r.decoderBpd(i);
        klSum += r.klSumBpd(i);
        for (int t = 0; t < perTimestep.length; t++) {
          perTimestep[t] += r.vb()[i][t];
        }
      }
    }

    BoundSummary build() {
      double mean = sum / n;
      double variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
      double[] terms = perTimestep.clone();
      for (int t = 0; t < terms.length; t++) {
        terms[t] /= n;
      }
      return new BoundSummary(n, mean, Math.sqrt(variance / n), prior / n, decoder / n, klSum / n, terms);
    }
  }
}
