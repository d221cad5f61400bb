package org.ddpm4j.eval;

/**
 * Feature vectors of a set of samples, float32, row-major {@code [rows, dim]}. The array is not copied.
 *
 * @param rows number of samples
 * @param dim length of each feature vector
 * @param values {@code rows * dim} values, row-major
 */
public record FeatureMatrix(int rows, int dim, float[] values) {

  /** Checks the shape against the array length. */
  public FeatureMatrix {
    if (rows < 0 || dim <= 0) {
      throw new IllegalArgumentException("invalid feature matrix shape [" + rows + ", " + dim + "]");
    }
    if (values.length != (long) rows * dim) {
      throw new IllegalArgumentException("feature matrix [" + rows + ", " + dim + "] needs " + (long) rows * dim
          + " values, got " + values.length);
    }
  }

  /** The value of sample {@code row}, feature {@code col}. */
  public float get(int row, int col) {
    return values[row * dim + col];
  }

  /**
   * Fails on the first value that is NaN or infinite.
   *
   * @param what the source of the features, for the message
   * @throws IllegalArgumentException naming the source, sample and feature
   */
  public void requireFinite(String what) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException(what + ": non-finite value " + values[i] + " at sample " + i / dim
            + ", feature " + i % dim);
      }
    }
  }
}
