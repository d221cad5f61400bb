package org.ddpm4j.eval.linalg;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs the independent chunks of a loop on a fixed number of threads (a private fork-join pool), or inline when there
 * is one thread. Close it to stop the pool's threads.
 */
public final class Parallel implements AutoCloseable {
  /** Runs everything in the calling thread. */
  public static final Parallel SERIAL = new Parallel(null);

  private final ForkJoinPool pool;

  private Parallel(ForkJoinPool pool) {
    this.pool = pool;
  }

  /**
   * A runner with the given number of threads.
   *
   * @param threads at least 1; 1 gives {@link #SERIAL}
   */
  public static Parallel of(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    return threads == 1 ? SERIAL : new Parallel(new ForkJoinPool(threads));
  }

  /** Number of threads the chunks run on. */
  public int threads() {
    return pool == null ? 1 : pool.getParallelism();
  }

  /** Runs {@code body} for every chunk index {@code 0 <= q < count}, in any order, and waits for all of them. */
  public void forEach(int count, IntConsumer body) {
    if (pool == null || count <= 1) {
      for (int q = 0; q < count; q++) {
        body.accept(q);
      }
      return;
    }
    pool.submit(() -> IntStream.range(0, count).parallel().forEach(body)).join();
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }
}
