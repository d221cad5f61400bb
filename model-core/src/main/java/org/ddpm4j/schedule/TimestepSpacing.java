package org.ddpm4j.schedule;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How {@code set_timesteps(n)} spreads n inference timesteps over [0, T) (diffusers' {@code timestep_spacing}, Table 2
 * of Lin et al. 2023), with the arithmetic of diffusers v0.21.4 and numpy 1.24.
 */
public enum TimestepSpacing {
  /** {@code arange(n) * (T // n)} reversed, plus {@code steps_offset}: 10 of 1000 gives 900, 800, ..., 0. */
  LEADING,
  /** {@code round(arange(T, 0, -T/n)) - 1}: 10 of 1000 gives 999, 899, ..., 99. */
  TRAILING,
  /** {@code round(linspace(0, T-1, n))} reversed: 10 of 1000 gives 999, 888, ..., 0. */
  LINSPACE;

  /**
   * The timesteps of DDPMScheduler / DDIMScheduler {@code set_timesteps(n)}, descending.
   *
   * @param numTrainTimesteps T
   * @param n the number of inference steps, 1..T
   * @param stepsOffset added to every timestep with {@link #LEADING} spacing (diffusers ignores it otherwise)
   * @throws IllegalArgumentException when n is outside 1..T or a timestep would fall outside [0, T) (diffusers v0.21.4
   *     yields timestep -1 with trailing spacing for some n, e.g. 61 of 1000, because of numpy's float arange)
   */
  public int[] timesteps(int numTrainTimesteps, int n, int stepsOffset) {
    requireSteps(numTrainTimesteps, n);
    long[] ts;
    switch (this) {
      case LEADING -> {
        int ratio = numTrainTimesteps / n;
        ts = new long[n];
        for (int k = 0; k < n; k++) {
          ts[k] = (long) (n - 1 - k) * ratio + stepsOffset;
        }
      }
      case TRAILING -> ts = roundedMinusOne(NumpyRanges.arange(numTrainTimesteps, 0, -((double) numTrainTimesteps / n)));
      case LINSPACE -> ts = reversed(rounded(NumpyRanges.linspace(0, numTrainTimesteps - 1, n)), n);
      default -> throw new AssertionError(this);
    }
    return checked(ts, numTrainTimesteps, n, stepsOffset, n);
  }

  /**
   * The timesteps of DPMSolverMultistepScheduler {@code set_timesteps(n)} in diffusers v0.21.4, descending: n+1
   * points with the last (timestep 0) dropped, so that the final step goes to timestep 0; repeated timesteps (when n
   * is close to T) are removed, keeping the first occurrence, so fewer than n may remain.
   *
   * @param numTrainTimesteps T
   * @param lastTimestep T minus the number of timesteps clipped by {@code lambda_min_clipped} (T when none are)
   * @param n the number of inference steps, 1..T
   * @param stepsOffset added with {@link #LEADING} spacing
   * @throws IllegalArgumentException when n is outside 1..T or a timestep would fall outside [0, T)
   */
  public int[] solverTimesteps(int numTrainTimesteps, int lastTimestep, int n, int stepsOffset) {
    requireSteps(numTrainTimesteps, n);
    long[] ts;
    switch (this) {
      case LEADING -> {
        int ratio = lastTimestep / (n + 1);
        ts = new long[n];
        for (int k = 0; k < n; k++) {
          ts[k] = (long) (n - k) * ratio + stepsOffset;
        }
      }
      case TRAILING -> ts = roundedMinusOne(NumpyRanges.arange(lastTimestep, 0, -((double) numTrainTimesteps / n)));
      case LINSPACE -> ts = reversed(rounded(NumpyRanges.linspace(0, lastTimestep - 1, n + 1)), n);
      default -> throw new AssertionError(this);
    }
    Set<Long> unique = new LinkedHashSet<>();
    for (long t : ts) {
      unique.add(t);
    }
    long[] distinct = unique.stream().mapToLong(Long::longValue).toArray();
    return checked(distinct, numTrainTimesteps, n, stepsOffset, distinct.length);
  }

  private static void requireSteps(int numTrainTimesteps, int n) {
    if (n < 1 || n > numTrainTimesteps) {
      throw new IllegalArgumentException(
          "number of inference steps " + n + " is outside 1.." + numTrainTimesteps + " (num_train_timesteps)");
    }
  }

  private static long[] rounded(double[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = NumpyRanges.round(values[i]);
    }
    return out;
  }

  private static long[] roundedMinusOne(double[] values) {
    long[] out = rounded(values);
    for (int i = 0; i < out.length; i++) {
      out[i] -= 1;
    }
    return out;
  }

  /** The first {@code count} values of the reversed array. */
  private static long[] reversed(long[] values, int count) {
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[values.length - 1 - i];
    }
    return out;
  }

  private int[] checked(long[] ts, int numTrainTimesteps, int n, int stepsOffset, int expectedLength) {
    String what = n + " steps with " + name().toLowerCase(Locale.ROOT) + " spacing and steps_offset "
        + stepsOffset + " of " + numTrainTimesteps;
    if (ts.length != expectedLength) {
      throw new IllegalArgumentException(what + " give " + ts.length + " timesteps " + Arrays.toString(ts)
          + " instead of " + expectedLength + " (a float rounding artefact of diffusers); choose another step count");
    }
    int[] out = new int[ts.length];
    for (int i = 0; i < ts.length; i++) {
      if (ts[i] < 0 || ts[i] >= numTrainTimesteps) {
        throw new IllegalArgumentException(what + " give timestep " + ts[i] + ", outside [0, " + numTrainTimesteps
            + "); choose another step count or steps_offset");
      }
      out[i] = (int) ts[i];
    }
    return out;
  }
}
