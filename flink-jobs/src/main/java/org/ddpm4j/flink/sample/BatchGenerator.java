package org.ddpm4j.flink.sample;

/**
 * Makes the images of a batch of sample indices. One instance per subtask, opened in the task thread and used only
 * there; it owns its model and releases it on {@link #close()}.
 */
public interface BatchGenerator extends AutoCloseable {
  /**
   * Generates the samples with the given global indices in one batch. Sample {@code i} must depend only on the
   * generator's settings and {@code i} (and, within float tolerance, not on the other indices of the batch).
   */
  SampleBatch generate(long[] indices);

  /** Releases the model and native memory. */
  @Override
  void close();
}
