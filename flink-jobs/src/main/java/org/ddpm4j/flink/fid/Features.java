package org.ddpm4j.flink.fid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ddpm4j.eval.FeatureMatrix;
import org.ddpm4j.eval.FeatureStatistics;

/**
 * What the job sends back to the client: the merged statistics of each side, and the chunks' features and
 * probabilities where KID or IS needs them, put back in image order (whatever subtask computed them).
 */
final class Features {
  private final int[] counts;
  private final FeatureStatistics[] statistics = new FeatureStatistics[2];
  private final List<FeatureChunk> chunks = new ArrayList<>();

  /** @param counts the number of images of each side */
  Features(int[] counts) {
    this.counts = counts.clone();
  }

  /** Keeps a chunk's features or a side's merged statistics. */
  void add(JobOutput output) {
    if (output.chunk() != null) {
      chunks.add(output.chunk());
    } else {
      set(output.statistics());
    }
  }

  private void set(SideStatistics merged) {
    if (statistics[merged.side()] != null) {
      throw new IllegalStateException("two merged statistics for the " + Chunk.name(merged.side()));
    }
    statistics[merged.side()] = merged.stats();
  }

  /**
   * The merged statistics of a side.
   *
   * @throws IllegalStateException when they do not cover every image of the side
   */
  FeatureStatistics statistics(int side) {
    FeatureStatistics s = statistics[side];
    if (s == null || s.count() != counts[side]) {
      throw new IllegalStateException("the job returned statistics of " + (s == null ? 0 : s.count()) + " "
          + Chunk.name(side) + " images, expected " + counts[side]);
    }
    return s;
  }

  /** The features of a side, one row per image in image order. */
  FeatureMatrix features(int side) {
    return rows(side, false);
  }

  /** The class probabilities of a side, one row per image in image order. */
  FeatureMatrix probabilities(int side) {
    return rows(side, true);
  }

  private FeatureMatrix rows(int side, boolean probabilities) {
    List<FeatureChunk> own = chunks.stream().filter(c -> c.side() == side)
        .sorted(Comparator.comparingInt(FeatureChunk::from)).toList();
    if (own.isEmpty()) {
      throw new IllegalStateException("the job returned no features of the " + Chunk.name(side));
    }
    int dim = probabilities ? own.get(0).classes() : own.get(0).dim();
    float[] values = new float[counts[side] * dim];
    int next = 0;
    for (FeatureChunk c : own) {
      if (c.from() != next) {
        throw new IllegalStateException("the job returned the " + Chunk.name(side) + " images from " + c.from()
            + " but not those from " + next);
      }
      float[] v = probabilities ? c.probabilities() : c.features();
      System.arraycopy(v, 0, values, next * dim, c.rows() * dim);
      next += c.rows();
    }
    if (next != counts[side]) {
      throw new IllegalStateException("the job returned " + next + " of " + counts[side] + " " + Chunk.name(side)
          + " images");
    }
    return new FeatureMatrix(counts[side], dim, values);
  }
}
