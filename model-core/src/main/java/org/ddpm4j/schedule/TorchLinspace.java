package org.ddpm4j.schedule;

/**
 * {@code torch.linspace(start, end, steps, dtype=torch.float32)} bit for bit as the CPU kernel of torch 1.13 (the
 * version diffusers v0.21.4 was checked against) computes it with its AVX2 code path, which differs from the
 * textbook formula in the last bit of about a third of the values.
 *
 * <p>The kernel computes {@code step = (end - start) / (steps - 1)} in float32 and fills blocks of 16 values (two
 * vectors of 8). Each vector starts from a base, {@code start + step * i} below the halfway index and
 * {@code end - step * (steps - 1 - i)} from there on, evaluated with a fused multiply-add, and then adds
 * {@code j * step} (rounded, then added) for its lanes j = 0..7. The values after the last full block come from the
 * scalar formula, also fused. This holds for up to 32768 values (torch's grain size), where one thread fills all.
 */
final class TorchLinspace {
  private static final int LANES = 8;

  private TorchLinspace() {}

  /** The float32 linspace of {@code steps} values from {@code start} to {@code end}. */
  static float[] float32(float start, float end, int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("linspace needs at least one value, got steps = " + steps);
    }
    float[] out = new float[steps];
    if (steps == 1) {
      out[0] = start;
      return out;
    }
    float step = (end - start) / (steps - 1);
    int halfway = steps / 2;
    int i = 0;
    for (; i <= steps - 2 * LANES; i += 2 * LANES) {
      for (int v = i; v < i + 2 * LANES; v += LANES) {
        float base = value(start, end, step, steps, halfway, v);
        for (int j = 0; j < LANES; j++) {
          out[v + j] = base + j * step;
        }
      }
    }
    for (; i < steps; i++) {
      out[i] = value(start, end, step, steps, halfway, i);
    }
    return out;
  }

  private static float value(float start, float end, float step, int steps, int halfway, int i) {
    return i < halfway ? Math.fma(step, (float) i, start) : Math.fma(-step, (float) (steps - 1 - i), end);
  }
}
