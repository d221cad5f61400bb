package org.ddpm4j.flink.sample;

import java.io.Serializable;

/**
 * Splits sample indices {@code 0..count-1} into fixed batches {@code [k*B, min((k+1)*B, count))}: the batches, and
 * so the images, do not depend on the parallelism or on which subtask runs which batch.
 *
 * @param count the number of samples, at least 1
 * @param batchSize the samples per batch B, at least 1
 */
public record BatchPlan(int count, int batchSize) implements Serializable {
  /** Validates the sizes. */
  public BatchPlan {
    if (count < 1) {
      throw new IllegalArgumentException("the number of samples n must be >= 1, got " + count);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("the batch size must be >= 1, got " + batchSize);
    }
  }

  /** The number of batches, ceil(count / batchSize). */
  public int batches() {
    return (count + batchSize - 1) / batchSize;
  }

  /** The first index of batch {@code k}. */
  public long first(int k) {
    checkBatch(k);
    return (long) k * batchSize;
  }

  /** The number of samples in batch {@code k} (the last batch may be short). */
  public int size(int k) {
    checkBatch(k);
    return (int) Math.min(batchSize, count - (long) k * batchSize);
  }

  /** The global sample indices of batch {@code k}, ascending. */
  public long[] indices(int k) {
    long[] out = new long[size(k)];
    long first = first(k);
    for (int i = 0; i < out.length; i++) {
      out[i] = first + i;
    }
    return out;
  }

  /** The batch that holds sample {@code index}. */
  public int batchOf(long index) {
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException("sample index " + index + " is outside 0.." + (count - 1));
    }
    return (int) (index / batchSize);
  }

  private void checkBatch(int k) {
    if (k < 0 || k >= batches()) {
      throw new IllegalArgumentException("batch " + k + " is outside 0.." + (batches() - 1));
    }
  }
}
