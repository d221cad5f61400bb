package org.ddpm4j.nll;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.LongConsumer;
import org.ddpm4j.noise.NoiseSource;
import org.ddpm4j.sampler.EpsModel;
import org.ddpm4j.schedule.NoiseSchedule;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.train.data.Dataset;

/**
 * The variational bound of the first n images of a dataset, in batches: the paper's NLL evaluation (Ho et al. 2020,
 * Table 2), with the fixed reverse variance of the model's scheduler. Image i at timestep t is noised with
 * {@code NoiseSource(seed)}'s noise of (i, t), so the result does not depend on the batch size.
 *
 * @param config the variance and the clipping of the predicted x_0
 * @param batch images per model call
 * @param seed the noise seed
 */
public record DatasetBound(BoundConfig config, int batch, long seed) {
  /** Checks the batch size. */
  public DatasetBound {
    if (batch < 1) {
      throw new IllegalArgumentException("bound: batch = " + batch + " must be >= 1");
    }
  }

  /** The bound config matching a scheduler: its variance type, with x_0 clipped as improved-diffusion does. */
  public static BoundConfig configOf(SchedulerConfig scheduler) {
    return new BoundConfig(ModelVariance.parse(scheduler.varianceType().name()), true);
  }

  /**
   * Evaluates the bound.
   *
   * @param scheduler gives the betas of the diffusion (widened from diffusers' float32 values)
   * @param n the number of images, the first n of the dataset
   * @param onBatchStep called after every timestep of every batch with the number done so far (progress)
   * @throws IllegalArgumentException when n is out of range
   */
  public BoundSummary evaluate(EpsModel model, SchedulerConfig scheduler, Dataset data, int n,
      LongConsumer onBatchStep) {
    if (n < 1 || n > data.size()) {
      throw new IllegalArgumentException("bound: n = " + n + " is outside [1, " + data.size() + "] (dataset size)");
    }
    float[] betasF = NoiseSchedule.of(scheduler).betas();
    double[] betas = new double[betasF.length];
    for (int i = 0; i < betas.length; i++) {
      betas[i] = betasF[i];
    }
    VariationalBound bound = new VariationalBound(new TimestepTerms(DiffusionTables.fromBetas(betas), config));
    BoundNoise noise = BoundNoise.of(new NoiseSource(seed));
    Shape shape = new Shape(data.channels(), data.height(), data.width());
    BoundSummary.Builder summary = new BoundSummary.Builder(betas.length);
    long[] done = {0};
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int start = 0; start < n; start += batch) {
        int b = Math.min(batch, n - start);
        float[] x0 = new float[b * data.imageSize()];
        long[] indices = new long[b];
        for (int j = 0; j < b; j++) {
          indices[j] = start + j;
          data.get(start + j, x0, j * data.imageSize());
        }
        summary.add(bound.evaluate(model, manager, x0, shape, indices, noise, t -> onBatchStep.accept(++done[0])));
      }
    }
    return summary.build();
  }
}
