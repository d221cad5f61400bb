package org.ddpm4j.gateway.batching;

import java.time.Duration;

/**
 * How the scheduler batches.
 *
 * @param enabled false: one job at a time per model
 * @param maxBatchSize the most rows in one forward (a single larger job still runs, alone)
 * @param maxWait how long an idle model waits for more jobs after the first arrives
 * @param queueCapacity how many jobs may wait to start, over all models
 * @param retryAfterSeconds the wait a full queue suggests to the client
 * @param deadline the longest a job may take from submission to its end
 */
public record BatchingSettings(
    boolean enabled, int maxBatchSize, Duration maxWait, int queueCapacity, int retryAfterSeconds, Duration deadline) {
  /** Checks the ranges. */
  public BatchingSettings {
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("ddpm4j.gateway.batching.max-batch-size must be >= 1, got " + maxBatchSize);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("ddpm4j.gateway.batching.queue-capacity must be >= 1, got " + queueCapacity);
    }
    if (maxWait.isNegative() || deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("ddpm4j.gateway.batching: max-wait must be >= 0 and deadline > 0");
    }
  }
}
