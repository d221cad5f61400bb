package org.ddpm4j.train;

/**
 * Settings of the Adam optimizer, as {@code torch.optim.Adam}.
 *
 * @param lr the peak learning rate (after warm-up); the paper uses 2e-4
 * @param beta1 decay of the first moment
 * @param beta2 decay of the second moment
 * @param eps added to the denominator
 * @param weightDecay L2 penalty added to the gradient (torch's Adam, not AdamW); 0 disables it
 */
public record AdamConfig(double lr, double beta1, double beta2, double eps, double weightDecay) {
  /** The paper's optimizer: lr 2e-4, betas (0.9, 0.999), eps 1e-8, no weight decay. */
  public static final AdamConfig DEFAULT = new AdamConfig(2e-4, 0.9, 0.999, 1e-8, 0.0);

  /** Checks the ranges, naming the field. */
  public AdamConfig {
    requireRange("optimizer.lr", lr, 0, Double.MAX_VALUE, true);
    requireRange("optimizer.beta1", beta1, 0, 1, false);
    requireRange("optimizer.beta2", beta2, 0, 1, false);
    requireRange("optimizer.eps", eps, 0, Double.MAX_VALUE, true);
    requireRange("optimizer.weightDecay", weightDecay, 0, Double.MAX_VALUE, true);
  }

  private static void requireRange(String field, double v, double lo, double hi, boolean hiInclusive) {
    if (!(v >= lo && (hiInclusive ? v <= hi : v < hi))) {
      throw new IllegalArgumentException(field + " = " + v + " is outside [" + lo + ", " + hi + (hiInclusive ? "]" : ")"));
    }
  }
}
