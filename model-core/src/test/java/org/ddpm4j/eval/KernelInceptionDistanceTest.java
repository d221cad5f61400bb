package org.ddpm4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelInceptionDistanceTest {
  private static FeatureMatrix random(int n, int d, double shift, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] v = new float[n * d];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (rng.nextGaussian() + shift);
    }
    return new FeatureMatrix(n, d, v);
  }

  /** The unbiased MMD^2 with the cubic kernel, written out naively. */
  private static double naive(FeatureMatrix f1, int[] i1, FeatureMatrix f2, int[] i2) {
    int m = i1.length;
    int d = f1.dim();
    double xx = 0;
    double yy = 0;
    double xy = 0;
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        double kx = 0;
        double ky = 0;
        double kxy = 0;
        for (int j = 0; j < d; j++) {
          kx += f2.get(i2[a], j) * (double) f2.get(i2[b], j);
          ky += f1.get(i1[a], j) * (double) f1.get(i1[b], j);
          kxy += f2.get(i2[a], j) * (double) f1.get(i1[b], j);
        }
        if (a != b) {
          xx += Math.pow(kx / d + 1, 3);
          yy += Math.pow(ky / d + 1, 3);
        }
        xy += Math.pow(kxy / d + 1, 3);
      }
    }
    return (xx + yy) / (m * (m - 1.0)) - 2 * xy / ((double) m * m);
  }

  @Test
  void matchesTheNaiveFormulaForGivenSubsets() {
    FeatureMatrix f1 = random(30, 9, 0, 1);
    FeatureMatrix f2 = random(25, 9, 0.3, 2);
    int[][] s1 = {{0, 5, 7, 29, 3, 11}, {1, 2, 3, 4, 5, 6}};
    int[][] s2 = {{24, 0, 1, 2, 13, 8}, {6, 5, 4, 3, 2, 1}};
    KernelInceptionDistance.Result r = KernelInceptionDistance.compute(f1, f2, s1, s2, 2);
    assertArrayEquals(new double[] {naive(f1, s1[0], f2, s2[0]), naive(f1, s1[1], f2, s2[1])}, r.subsetValues(),
        1e-13);
    assertEquals((r.subsetValues()[0] + r.subsetValues()[1]) / 2, r.mean(), 1e-15);
    assertEquals(Math.abs(r.subsetValues()[0] - r.subsetValues()[1]) / 2, r.std(), 1e-15);
  }

  @Test
  void seededSubsetsAreReproducibleAndSizedLikeCleanFid() {
    FeatureMatrix f1 = random(40, 5, 0, 3);
    FeatureMatrix f2 = random(30, 5, 1, 4);
    KernelInceptionDistance.Settings s = new KernelInceptionDistance.Settings(5, 1000, 7, 1);
    KernelInceptionDistance.Result a = KernelInceptionDistance.compute(f1, f2, s);
    assertEquals(30, a.subsetSize(), "m = min(n1, n2, maxSubsetSize)");
    assertArrayEquals(a.subsetValues(), KernelInceptionDistance.compute(f1, f2, s).subsetValues(), 0.0);
    assertNotEquals(a.mean(), KernelInceptionDistance.compute(f1, f2,
        new KernelInceptionDistance.Settings(5, 1000, 8, 1)).mean());
    assertEquals(10, KernelInceptionDistance.compute(f1, f2, new KernelInceptionDistance.Settings(2, 10, 7, 1))
        .subsetSize());
    assertTrue(a.mean() > 0.01, "shifted distributions are apart: " + a.mean());
  }

  @Test
  void badInputIsNamed() {
    FeatureMatrix f = random(4, 3, 0, 5);
    var e = assertThrows(IllegalArgumentException.class,
        () -> KernelInceptionDistance.compute(f, random(4, 2, 0, 6), KernelInceptionDistance.Settings.defaults()));
    assertTrue(e.getMessage().contains("different dimensions: 3 and 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> KernelInceptionDistance.compute(f, f, new int[][] {{0}}, new int[][] {{1}}, 1));
    assertTrue(e.getMessage().contains("at least 2 samples"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> KernelInceptionDistance.compute(f, f, new int[][] {{0, 4}}, new int[][] {{1, 2}}, 1));
    assertTrue(e.getMessage().contains("set 1, subset 0: row index 4 outside 0..3"), e.getMessage());
  }
}
