package org.ddpm4j.flink.fid;

import org.ddpm4j.eval.FrechetDistance;
import org.ddpm4j.eval.InceptionScore;
import org.ddpm4j.eval.KernelInceptionDistance;
import org.ddpm4j.eval.MeanCovariance;

/** The metrics from the job's results: FID always, KID and IS where their inputs exist (else the reason why not). */
final class FidMetrics {
  /** IS splits (torch-fidelity's 10). */
  static final int IS_SPLITS = 10;

  private FidMetrics() {}

  /**
   * Computes the metrics.
   *
   * @param stats mean and covariance of each side
   * @param kidFeatures the features of both sides, or null when a side is statistics only
   * @param isProbabilities the samples' class probabilities, or null when there are none
   * @param counts the images of each side (0 for statistics)
   */
  static FidResult compute(FidJobSettings settings, ExtractorInfo info, MeanCovariance[] stats,
      Features kidFeatures, Features isProbabilities, int[] counts, double wallSeconds) {
    int threads = Runtime.getRuntime().availableProcessors();
    FrechetDistance.Result fid = FrechetDistance.compute(stats[Chunk.SAMPLES], stats[Chunk.REFERENCE],
        new FrechetDistance.Settings(FrechetDistance.Offset.PYTORCH_FID, 1e-6, threads));
    KernelInceptionDistance.Result kid = null;
    String kidOmitted = null;
    if (kidFeatures != null) {
      kid = KernelInceptionDistance.compute(kidFeatures.features(Chunk.SAMPLES),
          kidFeatures.features(Chunk.REFERENCE), new KernelInceptionDistance.Settings(settings.kidSubsets(),
              settings.kidSubsetSize(), settings.seed(), threads));
    } else {
      kidOmitted = "KID needs the features of both sides; the " + (counts[Chunk.SAMPLES] == 0 ? "samples" : "reference")
          + " are given as statistics only";
    }
    InceptionScore.Result is = null;
    String isOmitted = null;
    if (isProbabilities == null) {
      isOmitted = counts[Chunk.SAMPLES] == 0 ? "the samples are given as statistics only"
          : "the " + info.kind() + " extractor gives no class probabilities";
    } else if (counts[Chunk.SAMPLES] < IS_SPLITS) {
      isOmitted = "IS with " + IS_SPLITS + " splits needs at least " + IS_SPLITS + " samples, got "
          + counts[Chunk.SAMPLES];
    } else {
      is = InceptionScore.compute(isProbabilities.probabilities(Chunk.SAMPLES), InceptionScore.Input.PROBABILITIES,
          new InceptionScore.Settings(IS_SPLITS, true, settings.seed()));
    }
    return new FidResult(info.metricSuffix(), fid, kid, kidOmitted, is, isOmitted, counts[Chunk.SAMPLES],
        counts[Chunk.REFERENCE], wallSeconds);
  }
}
