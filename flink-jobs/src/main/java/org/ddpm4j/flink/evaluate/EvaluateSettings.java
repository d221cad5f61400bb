package org.ddpm4j.flink.evaluate;

import java.util.Objects;
import org.ddpm4j.flink.fid.FidJobSettings;
import org.ddpm4j.flink.sample.OutputLayout;
import org.ddpm4j.flink.sample.SampleJobSettings;

/**
 * The settings of one evaluation that are not the generator's or the feature network's. The samples go to
 * {@code sampling.out()} as PNGs ({@code samples/}, with the sample job's {@code manifest.json}); the scoring job reads
 * them from there with the same parallelism and restart limit, and the reports go to the same folder.
 *
 * @param sampling the bulk-sampling settings (n >= 2, PNG output, no resume)
 * @param reference the reference: a dataset split, an image or npz-shard folder, or a statistics .npz
 * @param fidBatchSize images per forward pass of the feature network
 * @param kidSubsets KID subsets
 * @param kidSubsetSize the largest KID subset
 * @param kidSeed seed of the KID subsets and of the IS permutation
 */
public record EvaluateSettings(SampleJobSettings sampling, String reference, int fidBatchSize, int kidSubsets,
    int kidSubsetSize, long kidSeed) {
  /** The report file. */
  public static final String REPORT_JSON = "report.json";
  /** The HTML report file. */
  public static final String REPORT_HTML = "report.html";

  /** Validates the fields, naming the option that is wrong. */
  public EvaluateSettings {
    Objects.requireNonNull(sampling, "sampling settings are required");
    if (sampling.count() < 2) {
      throw new IllegalArgumentException("--n must be >= 2 (FID needs at least 2 samples), got " + sampling.count());
    }
    if (!sampling.format().writesPng()) {
      throw new IllegalArgumentException("evaluate needs the samples as PNGs (the grid), got format "
          + sampling.format().label());
    }
    if (fidBatchSize < 1) {
      throw new IllegalArgumentException("--fid-batch-size must be >= 1, got " + fidBatchSize);
    }
    if (sampling.resume()) {
      throw new IllegalArgumentException("evaluate does not resume: give a new or empty --out");
    }
    scoring(sampling, reference, fidBatchSize, kidSubsets, kidSubsetSize, kidSeed);
  }

  /** The scoring job's settings: this run's samples against the reference, report in the same folder. */
  public FidJobSettings scoring() {
    return scoring(sampling, reference, fidBatchSize, kidSubsets, kidSubsetSize, kidSeed);
  }

  private static FidJobSettings scoring(SampleJobSettings sampling, String reference, int fidBatchSize,
      int kidSubsets, int kidSubsetSize, long kidSeed) {
    return new FidJobSettings(sampling.out().resolve(OutputLayout.SAMPLES_DIR).toString(), reference,
        sampling.out(), sampling.parallelism(), fidBatchSize, 0, kidSubsets, kidSubsetSize, kidSeed, false,
        sampling.maxRestarts());
  }
}
