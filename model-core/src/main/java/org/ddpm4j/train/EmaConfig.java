package org.ddpm4j.train;

/**
 * Settings of the exponential moving average of the weights, as the arguments of diffusers' {@code EMAModel}
 * (v0.21.4).
 *
 * @param decay the maximum decay (the paper: 0.9999)
 * @param minDecay the minimum decay
 * @param updateAfterStep the number of optimizer steps before the average starts to move away from a copy
 * @param useEmaWarmup false: decay {@code (1 + s) / (10 + s)}; true: {@code 1 - (1 + s / invGamma)^-power}
 * @param invGamma the warm-up's inverse multiplicative factor (only with {@code useEmaWarmup})
 * @param power the warm-up's exponent (only with {@code useEmaWarmup})
 */
public record EmaConfig(double decay, double minDecay, int updateAfterStep, boolean useEmaWarmup, double invGamma,
    double power) {
  /** decay 0.9999 with the default (1 + s) / (10 + s) warm-up, as EMAModel's defaults. */
  public static final EmaConfig DEFAULT = new EmaConfig(0.9999, 0.0, 0, false, 1.0, 2.0 / 3.0);

  /** Checks the ranges, naming the field. */
  public EmaConfig {
    if (!(decay >= 0 && decay <= 1)) {
      throw new IllegalArgumentException("ema.decay = " + decay + " is outside [0, 1]");
    }
    if (!(minDecay >= 0 && minDecay <= decay)) {
      throw new IllegalArgumentException("ema.minDecay = " + minDecay + " is outside [0, ema.decay = " + decay + "]");
    }
    if (updateAfterStep < 0) {
      throw new IllegalArgumentException("ema.updateAfterStep = " + updateAfterStep + " is negative");
    }
    if (!(invGamma > 0)) {
      throw new IllegalArgumentException("ema.invGamma = " + invGamma + " must be > 0");
    }
    if (!(power > 0)) {
      throw new IllegalArgumentException("ema.power = " + power + " must be > 0");
    }
  }
}
