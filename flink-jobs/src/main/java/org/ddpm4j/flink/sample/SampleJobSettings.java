package org.ddpm4j.flink.sample;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The settings of one bulk-sampling run that are not the generator's.
 *
 * @param count the number of samples n (indices 0..n-1)
 * @param batchSize samples per forward pass; part of the output's identity (see {@link BatchPlan})
 * @param parallelism the number of subtasks
 * @param out the output folder
 * @param format which files to write
 * @param resume continue in a folder an earlier run with the same settings left unfinished
 * @param maxRestarts how often failed tasks are restarted before the job fails
 */
public record SampleJobSettings(
    int count, int batchSize, int parallelism, Path out, OutputFormat format, boolean resume, int maxRestarts) {
  /** Default for {@code maxRestarts}. */
  public static final int DEFAULT_MAX_RESTARTS = 3;

  /** Validates every field, naming the one that is wrong. */
  public SampleJobSettings {
    if (count < 1) {
      throw new IllegalArgumentException("--n must be >= 1, got " + count);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("--parallelism must be >= 1, got " + parallelism);
    }
    if (maxRestarts < 0) {
      throw new IllegalArgumentException("--max-restarts must be >= 0, got " + maxRestarts);
    }
    Objects.requireNonNull(out, "--out is required");
    Objects.requireNonNull(format, "--format is required");
  }

  /** The batches. */
  public BatchPlan plan() {
    return new BatchPlan(count, batchSize);
  }

  /** Where each file goes. */
  public OutputLayout layout() {
    return new OutputLayout(out.toAbsolutePath().normalize().toString(), plan(), format);
  }
}
