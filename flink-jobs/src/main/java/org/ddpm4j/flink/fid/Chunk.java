package org.ddpm4j.flink.fid;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit of work: images {@code [from, to)} of one side. Chunks are fixed index ranges, so which subtask computes
 * which chunk never changes the features, and the client puts them back in index order.
 *
 * @param side {@link #SAMPLES} or {@link #REFERENCE}
 * @param from the first image
 * @param to one past the last image
 */
record Chunk(int side, int from, int to) implements Serializable {
  /** The side of the generated samples. */
  static final int SAMPLES = 0;
  /** The side of the reference images. */
  static final int REFERENCE = 1;

  /** Checks the range. */
  Chunk {
    if ((side != SAMPLES && side != REFERENCE) || from < 0 || to <= from) {
      throw new IllegalArgumentException("invalid chunk: side " + side + ", images " + from + ".." + to);
    }
  }

  /** The chunks {@code [k*B, min((k+1)*B, count))} of one side's {@code count} images. */
  static List<Chunk> split(int side, int count, int batchSize) {
    List<Chunk> chunks = new ArrayList<>();
    for (int from = 0; from < count; from += batchSize) {
      chunks.add(new Chunk(side, from, Math.min(count, from + batchSize)));
    }
    return chunks;
  }

  /** "samples" or "reference". */
  static String name(int side) {
    return side == SAMPLES ? "samples" : "reference";
  }
}
