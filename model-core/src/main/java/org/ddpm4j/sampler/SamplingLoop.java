package org.ddpm4j.sampler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.ddpm4j.noise.NoiseSource;

/**
 * The reverse process: from x_T, for each timestep t of the sampler, eps = model(x, t) and x = sampler.step(eps, t,
 * x). Each step's arrays live in a sub-manager that is closed at the end of the step; only the new x survives.
 *
 * <p>The loop does not touch gradient recording: with the PyTorch engine, a thread other than the engine's first
 * records gradients unless the caller turns that off ({@code JniUtils.setGradMode(false)}) before sampling.
 */
public final class SamplingLoop {
  private final EpsModel model;
  private final Sampler sampler;

  /**
   * A loop for one model and one sampler (whose timesteps are set).
   *
   * @param sampler used for one run; the caller closes it
   */
  public SamplingLoop(EpsModel model, Sampler sampler) {
    this.model = model;
    this.sampler = sampler;
  }

  /**
   * Samples a batch with seeded noise: x_T is {@code noise.batch(manager, indices, NoiseSource.X_T, sampleShape)} and
   * step k draws {@code noise.batch(.., indices, k, sampleShape)}, so a sample depends on (seed, index) alone.
   *
   * @param indices the global index of each sample of the batch
   * @param sampleShape the shape of one sample (C, H, W)
   * @param manager owns the result
   * @return x_0 [B, C, H, W], attached to {@code manager}
   */
  public NDArray sample(NoiseSource noise, long[] indices, Shape sampleShape, NDManager manager,
      StepCallback callback) {
    NDArray xT = noise.batch(manager, indices, NoiseSource.X_T, sampleShape);
    return run(xT, StepNoiseProvider.seeded(noise, indices, sampleShape), callback);
  }

  /**
   * Runs every step of the sampler from a given x_T.
   *
   * @param xT the start [B, C, H, W]; the loop takes it over and closes it during the first step
   * @param noise the noise of each step
   * @return x_0, attached to the manager {@code xT} was attached to
   */
  public NDArray run(NDArray xT, StepNoiseProvider noise, StepCallback callback) {
    NDManager parent = xT.getManager();
    long[] t = new long[Math.toIntExact(xT.getShape().get(0))];
    int[] timesteps = sampler.timesteps();
    NDArray x = xT;
    for (int k = 0; k < timesteps.length; k++) {
      try (NDManager step = parent.newSubManager()) {
        x.attach(step);
        Arrays.fill(t, timesteps[k]);
        NDArray eps = model.predict(x, step.create(t));
        StepOutput out = sampler.step(eps, timesteps[k], x, noise.forStep(k, step));
        callback.onStep(k, timesteps.length, timesteps[k], out.predOriginalSample());
        x = out.prevSample();
        x.attach(parent);
      }
    }
    return x;
  }
}
