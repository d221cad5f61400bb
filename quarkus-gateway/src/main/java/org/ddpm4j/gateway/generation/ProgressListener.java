package org.ddpm4j.gateway.generation;

import org.ddpm4j.image.Uint8Images;

/** Hears how a sampling job advances; called on the job's thread. */
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {};

  /** Step {@code step} (1-based) of {@code steps} is done. */
  default void stepDone(int step, int steps) {}

  /** The predicted x0 after step {@code step} (1-based), as 8-bit images. */
  default void preview(int step, int steps, Uint8Images predictedX0) {}
}
