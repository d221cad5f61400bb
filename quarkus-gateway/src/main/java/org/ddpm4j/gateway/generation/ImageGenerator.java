package org.ddpm4j.gateway.generation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.stream.LongStream;
import org.ddpm4j.gateway.batching.BatchJob;
import org.ddpm4j.gateway.batching.BatchScheduler;
import org.ddpm4j.gateway.model.LoadedModel;
import org.ddpm4j.gateway.model.ModelRegistry;
import org.ddpm4j.gateway.problem.ProblemException;
import org.ddpm4j.image.ImageConversion;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.noise.NoiseSource;
import org.ddpm4j.sampler.EpsModel;
import org.ddpm4j.sampler.Sampler;
import org.ddpm4j.sampler.SamplerFactory;
import org.ddpm4j.sampler.SamplingLoop;
import org.ddpm4j.sampler.StepCallback;

/**
 * Submits sampling jobs: each runs {@link SamplingLoop#sample} with {@code NoiseSource(seed)} over sample indices
 * 0..n-1, as {@code ddpm4j sample} does, against the batching scheduler's stand-in for the model's U-Net.
 */
public final class ImageGenerator {
  private final ModelRegistry models;
  private final BatchScheduler scheduler;

  /** A generator over the given models and scheduler. */
  public ImageGenerator(ModelRegistry models, BatchScheduler scheduler) {
    this.models = models;
    this.scheduler = scheduler;
  }

  /**
   * Queues a job. The model is loaded and the sampler made here, so their errors reach the caller at once.
   *
   * @throws ProblemException 400/404/500 for the model (see {@link ModelRegistry#get}), 400 for steps the model's
   *     scheduler cannot take
   * @throws org.ddpm4j.gateway.batching.QueueFullException when the queue is full
   */
  public BatchJob<GeneratedImages> submit(SampleSpec spec, ProgressListener listener) {
    LoadedModel model = models.get(spec.model());
    Sampler sampler = newSampler(spec, model);
    try {
      return scheduler.submit(model.id(), model.unet(), spec.n(), eps -> run(spec, model, sampler, eps, listener));
    } catch (RuntimeException e) {
      sampler.close();
      throw e;
    }
  }

  private static Sampler newSampler(SampleSpec spec, LoadedModel model) {
    try {
      return SamplerFactory.create(spec.sampler(), model.scheduler());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("steps", "must suit the scheduler of model '" + model.id() + "' ("
          + model.scheduler().numTrainTimesteps() + " training timesteps)", e.getMessage());
    }
  }

  private static GeneratedImages run(SampleSpec spec, LoadedModel model, Sampler sampler, EpsModel eps,
      ProgressListener listener) {
    try (sampler; NDManager manager = NDManager.newBaseManager()) {
      long[] indices = LongStream.range(0, spec.n()).toArray();
      NDArray x0 = new SamplingLoop(eps, sampler)
          .sample(new NoiseSource(spec.seed()), indices, model.sampleShape(), manager, callback(spec, listener));
      return new GeneratedImages(spec, ImageConversion.toUint8(x0));
    }
  }

  private static StepCallback callback(SampleSpec spec, ProgressListener listener) {
    return (step, steps, timestep, predictedX0) -> {
      int done = step + 1;
      listener.stepDone(done, steps);
      if (spec.previewEvery() > 0 && done % spec.previewEvery() == 0 && done < steps) {
        Uint8Images preview = ImageConversion.toUint8(predictedX0);
        listener.preview(done, steps, preview);
      }
    };
  }
}
