package org.ddpm4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.ddpm4j.noise.NoiseSource;

/**
 * The randomness of a training run as pure functions of (seed, step), so that the RNG state is just the seed and the
 * step counter and a resumed run draws exactly what the uninterrupted one would have drawn.
 *
 * <p>Each step s gets its own generator per stream, seeded with output s of a SplitMix64 sequence
 * ({@link SplittableRandom}) whose start is derived from the seed and the stream. Timesteps are {@link SplittableRandom#nextInt(int)} draws (unbiased) under the step's
 * key; the noise of batch row b at step s is a {@link NoiseSource} stream (index b, step s) of a seed derived from the
 * run's seed; the dropout masks come from torch's generator, reseeded with the step's key before the forward pass.
 */
public final class TrainRandom {
  private static final long TIMESTEP_STREAM = 0x7469_6d65_7374_6570L;
  private static final long NOISE_STREAM = 0x6e6f_6973_6500_0000L;
  private static final long DROPOUT_STREAM = 0x6472_6f70_6f75_7400L;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final long seed;
  private final long timestepBase;
  private final long dropoutBase;
  private final NoiseSource noise;

  /** The randomness of a run with the given seed. */
  public TrainRandom(long seed) {
    this.seed = seed;
    this.timestepBase = new SplittableRandom(seed ^ TIMESTEP_STREAM).nextLong();
    this.dropoutBase = new SplittableRandom(seed ^ DROPOUT_STREAM).nextLong();
    this.noise = new NoiseSource(new SplittableRandom(seed ^ NOISE_STREAM).nextLong());
  }

  /** The run's seed. */
  public long seed() {
    return seed;
  }

  /** The generator of one step: seeded with output s of the SplitMix64 sequence that starts at the stream's base. */
  private static SplittableRandom at(long base, long step) {
    return new SplittableRandom(new SplittableRandom(base + step * GOLDEN).nextLong());
  }

  /** The timesteps of step s: {@code batch} uniform draws from [0, numTrainTimesteps). */
  public long[] timesteps(long step, int batch, int numTrainTimesteps) {
    SplittableRandom r = at(timestepBase, step);
    long[] t = new long[batch];
    for (int b = 0; b < batch; b++) {
      t[b] = r.nextInt(numTrainTimesteps);
    }
    return t;
  }

  /** The noise of step s: standard normal, [batch, ...sampleShape], attached to {@code manager}. */
  public NDArray noise(NDManager manager, long step, int batch, Shape sampleShape) {
    if (step > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("training step " + step + " exceeds the noise stream's limit of 2^31 - 1");
    }
    long[] rows = new long[batch];
    for (int b = 0; b < batch; b++) {
      rows[b] = b;
    }
    return noise.batch(manager, rows, (int) step, sampleShape);
  }

  /** The seed for torch's generator (dropout masks) at step s. */
  public long dropoutSeed(long step) {
    return at(dropoutBase, step).nextLong();
  }
}
