package org.ddpm4j.eval.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelsTest {
  private static double[][] random(SplittableRandom rng, int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (double[] r : m) {
      for (int j = 0; j < cols; j++) {
        r[j] = rng.nextDouble(-1, 1);
      }
    }
    return m;
  }

  @Test
  void gemmTnMatchesTheDefinitionForEveryFlagAndOffset() {
    SplittableRandom rng = new SplittableRandom(7);
    int m = 150;
    int n = 150;
    int k = 300;
    for (int flags = 0; flags < 8; flags++) {
      double[][] a = random(rng, k + 3, m + 5);
      double[][] b = random(rng, k + 2, n + 4);
      double[][] c = random(rng, m + 1, n + 4);
      for (int l = 0; l < k; l++) {
        for (int i = 0; i < m; i++) {
          if ((flags & Kernels.A_LOWER) != 0 && i > l) {
            a[3 + l][5 + i] = 0;
          }
        }
        for (int j = 0; j < n; j++) {
          if ((flags & Kernels.B_LOWER) != 0 && j > l) {
            b[2 + l][4 + j] = 0;
          }
        }
      }
      double[][] expected = new double[c.length][];
      for (int i = 0; i < c.length; i++) {
        expected[i] = c[i].clone();
      }
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          if ((flags & Kernels.UPPER) != 0 && j < i) {
            continue;
          }
          double s = 0;
          for (int l = 0; l < k; l++) {
            s += a[3 + l][5 + i] * b[2 + l][4 + j];
          }
          expected[1 + i][4 + j] += -0.5 * s;
        }
      }
      try (Parallel par = Parallel.of(2)) {
        Kernels.gemmTN(m, n, k, -0.5, a, 3, 5, b, 2, c, 1, 4, flags, par);
      }
      for (int i = 0; i < c.length; i++) {
        for (int j = 0; j < c[i].length; j++) {
          assertEquals(expected[i][j], c[i][j], 1e-12, "flags " + flags + " at " + i + "," + j);
        }
      }
    }
  }

  @Test
  void symvUpperMatchesTheFullSymmetricProductSerialAndParallel() {
    SplittableRandom rng = new SplittableRandom(3);
    int n = 900;
    double[][] a = random(rng, n, n);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextDouble(-1, 1);
    }
    int r0 = 7;
    double[] expected = new double[n];
    for (int i = r0; i < n; i++) {
      for (int j = r0; j < n; j++) {
        expected[i] += (i <= j ? a[i][j] : a[j][i]) * v[j];
      }
    }
    for (int threads = 1; threads <= 3; threads++) {
      double[] y = new double[n];
      try (Parallel par = Parallel.of(threads)) {
        Kernels.symvUpper(a, r0, n, v, y, par);
      }
      for (int i = 0; i < n; i++) {
        assertEquals(expected[i], y[i], 1e-11, "threads " + threads + " row " + i);
      }
    }
  }
}
