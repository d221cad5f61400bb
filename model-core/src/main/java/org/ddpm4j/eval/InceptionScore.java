package org.ddpm4j.eval;

/**
 * The Inception Score as torch-fidelity 0.4.0's {@code isc_features_to_metric}: rows in a given (or seeded random)
 * order, split {@code i} = rows {@code [i N / splits, (i + 1) N / splits)}, class probabilities p in float64,
 * {@code score_i = exp(mean over the split's rows of sum_c p (log p - log pbar))} with pbar the split's mean p; the
 * result is the mean and the population standard deviation of the split scores.
 *
 * <p>From logits, p and log p are a numerically stable softmax and log-softmax (torch-fidelity feeds the Inception's
 * bias-free 1008-way logits). From probabilities (what the TorchScript Inception returns, with
 * {@code no_output_bias=True} in StyleGAN2-ADA's convention), log p is {@code log(p)} and terms with {@code p = 0}
 * count as 0. torch-fidelity shuffles with numpy's {@code RandomState(2020)}, which is not reproduced here: pass its
 * recorded permutation to {@link #compute(FeatureMatrix, Input, int, int[])} to match it exactly, or use a seed for
 * a reproducible Java permutation.
 */
public final class InceptionScore {

  /** What the rows of the input are. */
  public enum Input {
    /** Unnormalised log-probabilities. */
    LOGITS,
    /** Class probabilities (non-negative). */
    PROBABILITIES
  }

  /**
   * Settings.
   *
   * @param splits number of splits (torch-fidelity: 10)
   * @param shuffle whether the rows are permuted before splitting (torch-fidelity: true)
   * @param seed seed of the Java permutation
   */
  public record Settings(int splits, boolean shuffle, long seed) {
    /** Checks the values. */
    public Settings {
      if (splits < 1) {
        throw new IllegalArgumentException("splits must be at least 1, got " + splits);
      }
    }

    /** 10 splits, shuffled with seed 2020 (torch-fidelity's defaults; the permutation itself differs). */
    public static Settings defaults() {
      return new Settings(10, true, 2020);
    }
  }

  /**
   * The score.
   *
   * @param mean mean of the split scores
   * @param std population standard deviation of the split scores
   * @param splitScores the score of each split
   */
  public record Result(double mean, double std, double[] splitScores) {}

  private InceptionScore() {}

  /** The score with the rows in the order the settings give (identity or a seeded permutation). */
  public static Result compute(FeatureMatrix scores, Input input, Settings settings) {
    int n = scores.rows();
    int[] order = settings.shuffle() ? new SubsetSampler(settings.seed()).permutation(n) : identity(n);
    return compute(scores, input, settings.splits(), order);
  }

  /**
   * The score with the rows taken in the given order.
   *
   * @param order a permutation of {@code 0..N-1} (e.g. torch-fidelity's recorded one)
   * @throws IllegalArgumentException for fewer rows than splits, an order that is not a permutation, a non-finite
   *     value or a negative probability
   */
  public static Result compute(FeatureMatrix scores, Input input, int splits, int[] order) {
    int n = scores.rows();
    int c = scores.dim();
    if (n < splits) {
      throw new IllegalArgumentException("Inception Score with " + splits + " splits needs at least " + splits
          + " samples, got " + n);
    }
    requirePermutation(order, n);
    scores.requireFinite("Inception Score input");
    double[] p = new double[c];
    double[] logp = new double[c];
    double[] pbar = new double[c];
    double[] result = new double[splits];
    for (int s = 0; s < splits; s++) {
      int lo = (int) ((long) s * n / splits);
      int hi = (int) ((long) (s + 1) * n / splits);
      java.util.Arrays.fill(pbar, 0);
      for (int r = lo; r < hi; r++) {
        probabilities(scores, order[r], input, p, logp);
        for (int j = 0; j < c; j++) {
          pbar[j] += p[j];
        }
      }
      double[] logPbar = new double[c];
      for (int j = 0; j < c; j++) {
        logPbar[j] = Math.log(pbar[j] / (hi - lo));
      }
      double kl = 0;
      for (int r = lo; r < hi; r++) {
        probabilities(scores, order[r], input, p, logp);
        double row = 0;
        for (int j = 0; j < c; j++) {
          if (p[j] != 0) {
            row += p[j] * (logp[j] - logPbar[j]);
          }
        }
        kl += row;
      }
      result[s] = Math.exp(kl / (hi - lo));
    }
    double mean = 0;
    for (double v : result) {
      mean += v;
    }
    mean /= splits;
    double var = 0;
    for (double v : result) {
      var += (v - mean) * (v - mean);
    }
    return new Result(mean, Math.sqrt(var / splits), result);
  }

  /** p and log p of one row. */
  private static void probabilities(FeatureMatrix x, int row, Input input, double[] p, double[] logp) {
    int c = x.dim();
    float[] v = x.values();
    int o = row * c;
    if (input == Input.PROBABILITIES) {
      for (int j = 0; j < c; j++) {
        p[j] = v[o + j];
        if (p[j] < 0) {
          throw new IllegalArgumentException("Inception Score input: negative probability " + p[j] + " at sample "
              + row + ", class " + j);
        }
        logp[j] = Math.log(p[j]);
      }
      return;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < c; j++) {
      max = Math.max(max, v[o + j]);
    }
    double sum = 0;
    for (int j = 0; j < c; j++) {
      p[j] = Math.exp(v[o + j] - max);
      sum += p[j];
    }
    double logSum = Math.log(sum);
    for (int j = 0; j < c; j++) {
      p[j] /= sum;
      logp[j] = v[o + j] - max - logSum;
    }
  }

  private static int[] identity(int n) {
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    return id;
  }

  private static void requirePermutation(int[] order, int n) {
    if (order.length != n) {
      throw new IllegalArgumentException("row order has " + order.length + " entries for " + n + " samples");
    }
    boolean[] seen = new boolean[n];
    for (int i : order) {
      if (i < 0 || i >= n || seen[i]) {
        throw new IllegalArgumentException("row order is not a permutation of 0.." + (n - 1) + " (entry " + i + ")");
      }
      seen[i] = true;
    }
  }
}
