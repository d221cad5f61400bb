package org.ddpm4j.flink.fid;

import org.ddpm4j.eval.FeatureStatistics;

/**
 * The (partial or merged) feature statistics of one side.
 *
 * @param side {@link Chunk#SAMPLES} or {@link Chunk#REFERENCE}, the key of the merge
 * @param stats the streaming mean and covariance
 */
public record SideStatistics(int side, FeatureStatistics stats) {

  /** Both merged into a new one (Chan et al.'s pairwise formula); neither input is changed. */
  public SideStatistics merge(SideStatistics other) {
    FeatureStatistics merged = new FeatureStatistics(stats.dim()).merge(stats).merge(other.stats);
    return new SideStatistics(side, merged);
  }
}
