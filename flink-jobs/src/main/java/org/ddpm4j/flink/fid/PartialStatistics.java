package org.ddpm4j.flink.fid;

import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;
import org.ddpm4j.eval.FeatureStatistics;

/**
 * The statistics of one subtask's chunks: a streaming mean and covariance per side, emitted once at the end of the
 * subtask's input (Flink's full-partition window), for the keyed merge.
 */
final class PartialStatistics implements MapPartitionFunction<FeatureChunk, SideStatistics> {
  private static final long serialVersionUID = 1L;

  @Override
  public void mapPartition(Iterable<FeatureChunk> chunks, Collector<SideStatistics> out) {
    FeatureStatistics[] stats = new FeatureStatistics[2];
    for (FeatureChunk c : chunks) {
      if (stats[c.side()] == null) {
        stats[c.side()] = new FeatureStatistics(c.dim());
      }
      stats[c.side()].add(c.features(), c.rows());
    }
    for (int side = 0; side < stats.length; side++) {
      if (stats[side] != null) {
        out.collect(new SideStatistics(side, stats[side]));
      }
    }
  }
}
