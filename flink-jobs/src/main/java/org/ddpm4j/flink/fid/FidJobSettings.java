package org.ddpm4j.flink.fid;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The settings of one scoring run that are not the feature network's.
 *
 * @param samples the samples: a PNG or npz-shard folder (or the sample job's output folder), a dataset split or a
 *     statistics .npz ({@link SideInput})
 * @param reference the reference, in the same forms
 * @param out the output folder, for {@code report.json} (and {@code sample_stats.npz})
 * @param parallelism the number of subtasks
 * @param batchSize images per chunk (one forward pass)
 * @param limit use at most this many images of each image input (its first ones), 0 for all
 * @param kidSubsets KID subsets (clean-fid: 100)
 * @param kidSubsetSize the largest KID subset (clean-fid: 1000)
 * @param seed seed of the KID subsets and of the IS permutation
 * @param saveStats also write the samples' mu/sigma to {@code sample_stats.npz} (pytorch-fid layout)
 * @param maxRestarts how often failed tasks are restarted before the job fails
 */
public record FidJobSettings(String samples, String reference, Path out, int parallelism, int batchSize, int limit,
    int kidSubsets, int kidSubsetSize, long seed, boolean saveStats, int maxRestarts) {
  /** Default of {@code batchSize}. */
  public static final int DEFAULT_BATCH_SIZE = 64;

  /** Validates every field, naming the option that is wrong. */
  public FidJobSettings {
    Objects.requireNonNull(samples, "--samples is required");
    Objects.requireNonNull(reference, "--reference is required");
    Objects.requireNonNull(out, "--out is required");
    if (parallelism < 1) {
      throw new IllegalArgumentException("--parallelism must be >= 1, got " + parallelism);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
    }
    if (limit < 0) {
      throw new IllegalArgumentException("--limit must be >= 0 (0: all images), got " + limit);
    }
    if (kidSubsets < 1) {
      throw new IllegalArgumentException("--kid-subsets must be >= 1, got " + kidSubsets);
    }
    if (kidSubsetSize < 2) {
      throw new IllegalArgumentException("--kid-subset-size must be >= 2, got " + kidSubsetSize);
    }
    if (maxRestarts < 0) {
      throw new IllegalArgumentException("--max-restarts must be >= 0, got " + maxRestarts);
    }
  }

  /** The report file. */
  public Path report() {
    return out.resolve("report.json");
  }

  /** The samples' statistics file written with {@link #saveStats()}. */
  public Path sampleStats() {
    return out.resolve("sample_stats.npz");
  }
}
