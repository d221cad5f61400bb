package org.ddpm4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;

/**
 * Compares computed arrays with golden ones, as the golden README measures differences: absolute, or "mixed" =
 * max |a - b| / max(1, |ref|). Each check prints the observed difference, so a run documents its margins.
 */
final class Closeness {
  private Closeness() {}

  /** max over elements of |a - b|. */
  static double maxAbs(float[] actual, float[] expected) {
    requireSameLength(actual, expected);
    double max = 0;
    for (int i = 0; i < actual.length; i++) {
      max = Math.max(max, diff(actual[i], expected[i]));
    }
    return max;
  }

  /** max over elements of |a - b| / max(1, |b|). */
  static double maxMixed(float[] actual, float[] expected) {
    requireSameLength(actual, expected);
    double max = 0;
    for (int i = 0; i < actual.length; i++) {
      max = Math.max(max, diff(actual[i], expected[i]) / Math.max(1.0, Math.abs(expected[i])));
    }
    return max;
  }

  /** Asserts max |a - b| &lt;= tol and returns it. */
  static double assertAbs(String what, NDArray actual, float[] expected, double tol) {
    return assertWithin(what, "abs", maxAbs(actual.toFloatArray(), expected), tol);
  }

  /** Asserts the mixed difference is &lt;= tol and returns it. */
  static double assertMixed(String what, NDArray actual, float[] expected, double tol) {
    return assertWithin(what, "mixed", maxMixed(actual.toFloatArray(), expected), tol);
  }

  /** Asserts bit-for-bit equality of two float arrays. */
  static void assertBitwise(String what, float[] actual, float[] expected) {
    requireSameLength(actual, expected);
    int differing = 0;
    for (int i = 0; i < actual.length; i++) {
      if (Float.floatToIntBits(actual[i]) != Float.floatToIntBits(expected[i])) {
        differing++;
      }
    }
    System.out.printf("[golden] %s: %d of %d values differ in any bit (max abs %.3g)%n", what, differing,
        actual.length, maxAbs(actual, expected));
    assertEquals(0, differing, what + ": values differing from the reference bit for bit");
  }

  /** Asserts an observed difference of the named kind is &lt;= tol, prints it and returns it. */
  static double assertWithin(String what, String kind, double observed, double tol) {
    System.out.printf("[golden] %s: max %s diff %.3g (tolerance %.1g)%n", what, kind, observed, tol);
    assertTrue(observed <= tol, what + ": max " + kind + " difference " + observed + " exceeds " + tol);
    return observed;
  }

  private static double diff(float a, float b) {
    if (Float.isNaN(a) || Float.isNaN(b)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs((double) a - (double) b);
  }

  private static void requireSameLength(float[] actual, float[] expected) {
    assertEquals(expected.length, actual.length, "number of elements");
  }
}
