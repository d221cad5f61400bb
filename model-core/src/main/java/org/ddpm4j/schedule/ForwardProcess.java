package org.ddpm4j.schedule;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * The forward (noising) process q(x_t | x_0): {@code x_t = sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps}, per sample, as
 * diffusers' {@code add_noise} computes it (both square roots taken in float32 from the float32 abar_t).
 */
public final class ForwardProcess {
  private final NoiseSchedule schedule;

  /** The forward process of a noise schedule. */
  public ForwardProcess(NoiseSchedule schedule) {
    this.schedule = schedule;
  }

  /** The noise schedule. */
  public NoiseSchedule schedule() {
    return schedule;
  }

  /**
   * Noises a batch, each sample at its own timestep.
   *
   * @param x0 clean samples [B, ...], float32
   * @param noise Gaussian noise of the same shape
   * @param t one timestep per sample, each in [0, T)
   * @return x_t, attached to the manager of {@code x0}
   * @throws IllegalArgumentException when the shapes or the number of timesteps do not match, or a timestep is out of
   *     range
   */
  public NDArray addNoise(NDArray x0, NDArray noise, long[] t) {
    Shape shape = x0.getShape();
    if (!shape.equals(noise.getShape())) {
      throw new IllegalArgumentException("add_noise: x0 has shape " + shape + " but noise has " + noise.getShape());
    }
    if (shape.dimension() == 0 || shape.get(0) != t.length) {
      throw new IllegalArgumentException("add_noise: " + t.length + " timesteps for a batch of shape " + shape);
    }
    float[] signal = new float[t.length];
    float[] noiseScale = new float[t.length];
    for (int i = 0; i < t.length; i++) {
      if (t[i] < 0 || t[i] >= schedule.numTrainTimesteps()) {
        throw new IllegalArgumentException("add_noise: timestep t[" + i + "] = " + t[i] + " is outside [0, "
            + schedule.numTrainTimesteps() + ")");
      }
      float alphaBar = schedule.alphaCumprod((int) t[i]);
      signal[i] = (float) Math.sqrt(alphaBar);
      noiseScale[i] = (float) Math.sqrt(1f - alphaBar);
    }
    long[] coefDims = new long[shape.dimension()];
    Arrays.fill(coefDims, 1);
    coefDims[0] = t.length;
    Shape coefShape = new Shape(coefDims);
    NDManager m = x0.getManager();
    try (NDArray a = m.create(signal, coefShape);
        NDArray s = m.create(noiseScale, coefShape);
        NDArray scaledX0 = x0.mul(a);
        NDArray scaledNoise = noise.mul(s)) {
      return scaledX0.add(scaledNoise);
    }
  }

  /**
   * Noises a batch, each sample at its own timestep.
   *
   * @param t the timesteps, an integer NDArray [B]
   * @see #addNoise(NDArray, NDArray, long[])
   */
  public NDArray addNoise(NDArray x0, NDArray noise, NDArray t) {
    if (!t.getDataType().isInteger() || t.getShape().dimension() != 1) {
      throw new IllegalArgumentException(
          "add_noise: timesteps must be an integer vector [B], got " + t.getDataType() + " " + t.getShape());
    }
    try (NDArray longs = t.toType(DataType.INT64, true)) {
      return addNoise(x0, noise, longs.toLongArray());
    }
  }
}
