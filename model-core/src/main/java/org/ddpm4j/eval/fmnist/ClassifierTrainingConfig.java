package org.ddpm4j.eval.fmnist;

/**
 * How the classifier is trained: Adam (betas 0.9, 0.999, eps 1e-8) on the cross-entropy of shuffled batches, the
 * learning rate following a cosine from {@code lr} down to 0 over all steps; everything random is drawn from
 * {@code seed}.
 *
 * @param epochs passes over the training set ({@code ceil(n / batchSize)} steps each)
 * @param batchSize images per step
 * @param lr Adam's initial learning rate
 * @param seed the seed of the initial weights and of the batch order
 */
public record ClassifierTrainingConfig(int epochs, int batchSize, double lr, long seed) {

  /** The defaults of {@code ddpm4j train-classifier}: 5 epochs, batch 128, lr 1e-3, seed 0. */
  public static final ClassifierTrainingConfig DEFAULT = new ClassifierTrainingConfig(5, 128, 1e-3, 0);

  /** Checks every field, naming it. */
  public ClassifierTrainingConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("classifier training: epochs must be >= 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("classifier training: batch size must be >= 1, got " + batchSize);
    }
    if (!(lr > 0 && Double.isFinite(lr))) {
      throw new IllegalArgumentException("classifier training: lr must be a positive finite number, got " + lr);
    }
  }
}
