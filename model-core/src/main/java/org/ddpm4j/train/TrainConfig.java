package org.ddpm4j.train;

/**
 * Everything that decides a training run besides the network architecture and the noise schedule (which travel as
 * the checkpoint's {@code config.json} and {@code scheduler_config.json}). Read and written as JSON by
 * {@link TrainConfigJson}.
 *
 * @param steps the total number of optimizer steps of the run
 * @param batchSize images per step
 * @param seed decides the initial weights, the batch order, the timesteps, the noise and the dropout masks
 * @param optimizer Adam's settings
 * @param warmupSteps length of the linear learning-rate warm-up (0 = none)
 * @param gradClip the maximum global gradient 2-norm (torch's {@code clip_grad_norm_}); 0 disables clipping
 * @param ema the moving average of the weights
 * @param checkpointEvery save a checkpoint every this many steps (and at the end and on interruption); 0 = only then
 * @param keepLast how many checkpoints to keep (older ones are deleted after a new one is complete)
 * @param sampleEvery write a grid of samples from the EMA weights every this many steps; 0 = never
 * @param sampleSteps DDIM steps for the sample grid
 * @param sampleCount images in the sample grid
 * @param randomFlip mirror each training image left-right with probability 1/2
 */
public record TrainConfig(long steps, int batchSize, long seed, AdamConfig optimizer, long warmupSteps,
    double gradClip, EmaConfig ema, long checkpointEvery, int keepLast, long sampleEvery, int sampleSteps,
    int sampleCount, boolean randomFlip) {

  /**
   * The defaults: the paper's optimizer and EMA, batch 64, warm-up 500, clipping at 1.0, a checkpoint every 1000
   * steps, no flips.
   */
  public static final TrainConfig DEFAULT = new TrainConfig(10_000, 64, 0, AdamConfig.DEFAULT, 500, 1.0,
      EmaConfig.DEFAULT, 1000, 3, 1000, 10, 16, false);

  /** Checks every field, naming it. */
  public TrainConfig {
    positive("steps", steps);
    positive("batchSize", batchSize);
    nonNegative("warmupSteps", warmupSteps);
    if (!(gradClip >= 0)) {
      throw new IllegalArgumentException("gradClip = " + gradClip + " must be >= 0");
    }
    if (optimizer == null) {
      throw new IllegalArgumentException("optimizer settings are missing");
    }
    if (ema == null) {
      throw new IllegalArgumentException("ema settings are missing");
    }
    nonNegative("checkpointEvery", checkpointEvery);
    positive("keepLast", keepLast);
    nonNegative("sampleEvery", sampleEvery);
    positive("sampleSteps", sampleSteps);
    positive("sampleCount", sampleCount);
  }

  private static void positive(String field, long v) {
    if (v < 1) {
      throw new IllegalArgumentException(field + " = " + v + " must be >= 1");
    }
  }

  private static void nonNegative(String field, long v) {
    if (v < 0) {
      throw new IllegalArgumentException(field + " = " + v + " must be >= 0");
    }
  }

  /** The learning-rate schedule of this run. */
  public LinearWarmup learningRate() {
    return new LinearWarmup(optimizer.lr(), warmupSteps);
  }
}
