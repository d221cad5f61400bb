package org.ddpm4j.schedule;

/**
 * The numpy 1.24 float64 ranges that diffusers' {@code set_timesteps} builds its timesteps from, reproduced
 * operation for operation so that the rounding (and its corner cases) matches.
 */
final class NumpyRanges {
  private NumpyRanges() {}

  /**
   * {@code np.linspace(start, stop, num)}: {@code i * ((stop - start) / (num - 1)) + start}, the last value set to
   * {@code stop}; a single value is {@code start}.
   */
  static double[] linspace(double start, double stop, int num) {
    double[] out = new double[num];
    if (num == 1) {
      out[0] = start;
      return out;
    }
    double step = (stop - start) / (num - 1);
    for (int i = 0; i < num; i++) {
      out[i] = i * step + start;
    }
    out[num - 1] = stop;
    return out;
  }

  /**
   * {@code np.arange(start, stop, step)} with a float step: length {@code ceil((stop - start) / step)}, values
   * {@code start + i * delta} where {@code delta = (start + step) - start}, as numpy's fill computes them.
   */
  static double[] arange(double start, double stop, double step) {
    int length = (int) Math.max(0, Math.ceil((stop - start) / step));
    double[] out = new double[length];
    double delta = (start + step) - start;
    for (int i = 0; i < length; i++) {
      out[i] = i == 1 ? start + step : start + i * delta;
    }
    return out;
  }

  /** {@code np.round} to an integer: round half to even. */
  static long round(double v) {
    return (long) Math.rint(v);
  }
}
