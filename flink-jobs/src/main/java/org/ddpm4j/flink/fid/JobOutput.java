package org.ddpm4j.flink.fid;

/**
 * One record the job sends to the client, through its single collect sink: either a chunk's features (where KID or
 * IS needs them) or a side's merged statistics. One sink, because a second one would be read only after the job,
 * and with it the embedded MiniCluster, has finished.
 *
 * @param chunk a chunk's features, or null
 * @param statistics a side's merged statistics, or null
 */
public record JobOutput(FeatureChunk chunk, SideStatistics statistics) {

  /** A chunk's features. */
  public static JobOutput of(FeatureChunk chunk) {
    return new JobOutput(chunk, null);
  }

  /** A side's merged statistics. */
  public static JobOutput of(SideStatistics statistics) {
    return new JobOutput(null, statistics);
  }
}
