package org.ddpm4j.image;

/**
 * How {@link ImageGrid} arranges samples, as torchvision's {@code make_grid} does.
 *
 * @param perRow samples in each row (torchvision's {@code nrow}); the last row may be incomplete
 * @param padding pixels of background around and between the samples
 * @param background the 0..255 value of the padding and of empty cells, in every channel
 */
public record GridLayout(int perRow, int padding, int background) {

  /** Checks the values. */
  public GridLayout {
    if (perRow < 1) {
      throw new IllegalArgumentException("grid perRow must be >= 1, got " + perRow);
    }
    if (padding < 0) {
      throw new IllegalArgumentException("grid padding must be >= 0, got " + padding);
    }
    if (background < 0 || background > 255) {
      throw new IllegalArgumentException("grid background must be in 0..255, got " + background);
    }
  }

  /** The default for {@code n} samples: {@code ceil(sqrt(n))} per row, padding 2, black background. */
  public static GridLayout square(int n) {
    return new GridLayout(ceilSqrt(Math.max(n, 1)), 2, 0);
  }

  /** The smallest r with r*r >= n, in exact integer arithmetic. */
  static int ceilSqrt(int n) {
    int r = (int) Math.ceil(Math.sqrt(n));
    while ((long) r * r < n) {
      r++;
    }
    while (r > 1 && (long) (r - 1) * (r - 1) >= n) {
      r--;
    }
    return r;
  }
}
