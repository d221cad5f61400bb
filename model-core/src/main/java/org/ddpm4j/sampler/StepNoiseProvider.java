package org.ddpm4j.sampler;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.ddpm4j.noise.NoiseSource;

/** The noise of each step of a sampling run, for {@link SamplingLoop#run}. */
@FunctionalInterface
public interface StepNoiseProvider {
  /** No noise: for samplers that add none (DDIM eta 0, DPM-Solver++). */
  StepNoiseProvider NONE = (step, stepManager) -> StepNoise.NONE;

  /**
   * The noise of one step.
   *
   * @param step the loop step, 0-based
   * @param stepManager the step's manager: noise drawn must be attached to it
   */
  StepNoise forStep(int step, NDManager stepManager);

  /**
   * Seeded noise: step k of the run draws {@code source.batch(manager, indices, k, sampleShape)}, so each sample's
   * noise depends only on (seed, index, k).
   *
   * @throws IllegalArgumentException (when drawn) if a sampler asks for a shape other than [B, sampleShape]
   */
  static StepNoiseProvider seeded(NoiseSource source, long[] indices, Shape sampleShape) {
    Shape batchShape = new Shape(indices.length).addAll(sampleShape);
    return (step, stepManager) -> shape -> {
      if (!shape.equals(batchShape)) {
        throw new IllegalArgumentException(
            "step " + step + " asks for noise of shape " + shape + ", the batch has shape " + batchShape);
      }
      return source.batch(stepManager, indices, step, sampleShape);
    };
  }
}
