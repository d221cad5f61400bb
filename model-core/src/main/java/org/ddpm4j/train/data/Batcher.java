package org.ddpm4j.train.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Draws training batches so that the batch of a step is a pure function of (seed, dataset size, batch size, step):
 * resuming at step k needs no saved RNG state, and any thread or process computes the same batch.
 *
 * <p>The order: the data stream is a sequence of epochs, each a shuffle of the whole dataset, and the batch of step
 * k holds stream positions {@code k * B .. k * B + B - 1} (a batch may span two epochs). Epoch e is shuffled by a
 * Fisher-Yates pass (from the last position down, {@code nextInt(i + 1)}) driven by a
 * {@link SplittableRandom} seeded with {@code new SplittableRandom(seed ^ (e * 0x9E3779B97F4A7C15L)).nextLong()};
 * with random flips on, the same generator then draws one {@code nextBoolean()} per position of the epoch, so the
 * shuffle does not depend on whether flips are on.
 *
 * <p>Not thread-safe: it caches the shuffles of the last two epochs it used.
 */
public final class Batcher {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final Dataset dataset;
  private final BatchConfig config;
  private final Epoch[] cache = new Epoch[2];

  /** A shuffle of one epoch and its flips. */
  private record Epoch(long number, int[] order, boolean[] flips) {}

  /** A batcher over a dataset. */
  public Batcher(Dataset dataset, BatchConfig config) {
    if (dataset.size() == 0) {
      throw new IllegalArgumentException("cannot draw batches from an empty dataset");
    }
    this.dataset = dataset;
    this.config = config;
  }

  /** The dataset indices and flips of step {@code step}. */
  public Batch plan(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0, got " + step);
    }
    int b = config.batchSize();
    int[] indices = new int[b];
    boolean[] flipped = new boolean[b];
    long n = dataset.size();
    for (int j = 0; j < b; j++) {
      long position = Math.addExact(Math.multiplyExact(step, (long) b), j);
      Epoch e = epoch(position / n);
      int at = (int) (position % n);
      indices[j] = e.order()[at];
      flipped[j] = e.flips() != null && e.flips()[at];
    }
    return new Batch(indices, flipped);
  }

  /** Writes the images of step {@code step} to {@code dst} as [B, C, H, W] floats in [-1, 1]. */
  public void fill(long step, float[] dst) {
    Batch batch = plan(step);
    int per = dataset.imageSize();
    for (int j = 0; j < batch.indices().length; j++) {
      dataset.get(batch.indices()[j], dst, j * per);
      if (batch.flipped()[j]) {
        mirror(dst, j * per, dataset.channels() * dataset.height(), dataset.width());
      }
    }
  }

  /** The images of step {@code step} as a float32 NDArray [B, C, H, W] owned by {@code manager}. */
  public NDArray images(NDManager manager, long step) {
    float[] data = new float[config.batchSize() * dataset.imageSize()];
    fill(step, data);
    return manager.create(
        data, new Shape(config.batchSize(), dataset.channels(), dataset.height(), dataset.width()));
  }

  /** Reverses each of {@code rows} rows of {@code width} values starting at {@code offset}. */
  private static void mirror(float[] a, int offset, int rows, int width) {
    for (int r = 0; r < rows; r++) {
      int lo = offset + r * width;
      for (int i = lo, k = lo + width - 1; i < k; i++, k--) {
        float t = a[i];
        a[i] = a[k];
        a[k] = t;
      }
    }
  }

  /** The shuffle of epoch {@code number}, from the cache or computed. */
  private Epoch epoch(long number) {
    for (Epoch e : cache) {
      if (e != null && e.number() == number) {
        return e;
      }
    }
    SplittableRandom rng = new SplittableRandom(new SplittableRandom(config.seed() ^ (number * GOLDEN)).nextLong());
    int n = dataset.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int k = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[k];
      order[k] = t;
    }
    boolean[] flips = null;
    if (config.randomFlip()) {
      flips = new boolean[n];
      for (int i = 0; i < n; i++) {
        flips[i] = rng.nextBoolean();
      }
    }
    Epoch e = new Epoch(number, order, flips);
    cache[(int) (number & 1)] = e;
    return e;
  }
}
