package org.ddpm4j.gateway.batching;

/** Told about every batched forward (the metrics implement it). */
@FunctionalInterface
public interface BatchObserver {
  /** An observer that ignores everything. */
  BatchObserver NONE = (jobs, rows) -> {};

  /** One forward ran over {@code rows} rows from {@code jobs} jobs. */
  void forward(int jobs, int rows);
}
