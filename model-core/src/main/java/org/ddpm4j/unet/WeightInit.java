package org.ddpm4j.unet;

import java.util.SplittableRandom;

/**
 * How a parameter is initialised, as torch initialises a freshly built module: conv and linear weights and biases
 * uniform in {@code (-1/sqrt(fan_in), 1/sqrt(fan_in))} (torch's {@code kaiming_uniform_(a=sqrt(5))} and its bias
 * rule), GroupNorm weights 1 and biases 0.
 */
sealed interface WeightInit {

  /** Fills {@code out} with initial values drawn from {@code rng}. */
  void fill(float[] out, SplittableRandom rng);

  /** Every element equals {@code value}. */
  record Constant(float value) implements WeightInit {
    @Override
    public void fill(float[] out, SplittableRandom rng) {
      java.util.Arrays.fill(out, value);
    }
  }

  /** Uniform in {@code (-bound, bound)} with {@code bound = 1/sqrt(fanIn)}. */
  record FanInUniform(long fanIn) implements WeightInit {
    @Override
    public void fill(float[] out, SplittableRandom rng) {
      double bound = 1.0 / Math.sqrt(fanIn);
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
      }
    }
  }
}
