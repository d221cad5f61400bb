package org.ddpm4j.train.data;

/**
 * How training batches are drawn.
 *
 * @param batchSize images per batch
 * @param seed the seed of the shuffling and the flips
 * @param randomFlip whether each image is mirrored left-right with probability 1/2
 */
public record BatchConfig(int batchSize, long seed, boolean randomFlip) {

  /** Checks the batch size. */
  public BatchConfig {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
  }
}
