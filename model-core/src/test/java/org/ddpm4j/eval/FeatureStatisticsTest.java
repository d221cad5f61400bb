package org.ddpm4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeatureStatisticsTest {
  private static final int D = 37;

  /** Rows with a large common offset, where a naive sum-of-squares covariance would lose digits. */
  private static float[] rows(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[n * D];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (1000 + (i % D) + rng.nextGaussian() * (1 + i % 5));
    }
    return x;
  }

  /** Two-pass reference: mean, then sum of centred products / (n - 1), like np.cov. */
  private static double[][] reference(float[] x, int n) {
    double[] mu = new double[D];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < D; j++) {
        mu[j] += x[i * D + j];
      }
    }
    for (int j = 0; j < D; j++) {
      mu[j] /= n;
    }
    double[] sigma = new double[D * D];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < D; a++) {
        for (int b = 0; b < D; b++) {
          sigma[a * D + b] += (x[i * D + a] - mu[a]) * (x[i * D + b] - mu[b]);
        }
      }
    }
    for (int k = 0; k < sigma.length; k++) {
      sigma[k] /= n - 1;
    }
    return new double[][] {mu, sigma};
  }

  private static void assertRelative(double[] expected, double[] actual, double rel) {
    double scale = Arrays.stream(expected).map(Math::abs).max().orElse(0);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], rel * scale, "index " + i);
    }
  }

  @Test
  void onePassMatchesTheTwoPassFormulaAcrossChunkBoundaries() {
    int n = 700; // three internal chunks
    float[] x = rows(n, 1);
    FeatureStatistics s = new FeatureStatistics(D).add(x, n);
    double[][] ref = reference(x, n);
    assertEquals(n, s.count());
    assertRelative(ref[0], s.mu(), 1e-14);
    assertRelative(ref[1], s.sigma(), 1e-12);
  }

  @Test
  void mergingPartialStatisticsEqualsOnePass() {
    int n = 1000;
    float[] x = rows(n, 2);
    FeatureStatistics one = new FeatureStatistics(D).add(x, n);
    int[] cuts = {0, 1, 2, 300, 301, 777, 1000};
    FeatureStatistics merged = new FeatureStatistics(D);
    for (int p = cuts.length - 2; p >= 0; p--) { // parts in reverse order, one of them a single row
      float[] part = Arrays.copyOfRange(x, cuts[p] * D, cuts[p + 1] * D);
      merged.merge(new FeatureStatistics(D).add(part, cuts[p + 1] - cuts[p]));
    }
    merged.merge(new FeatureStatistics(D)); // an empty partial changes nothing
    assertEquals(n, merged.count());
    assertRelative(one.mu(), merged.mu(), 1e-12);
    assertRelative(one.sigma(), merged.sigma(), 1e-12);
  }

  @Test
  void floatAndDoubleBatchesAgreeAndSerializationKeepsTheState() throws Exception {
    int n = 50;
    float[] x = rows(n, 3);
    double[] xd = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      xd[i] = x[i];
    }
    FeatureStatistics f = new FeatureStatistics(D).add(x, n);
    FeatureStatistics d = new FeatureStatistics(D).add(xd, n);
    assertEquals(Arrays.toString(f.sigma()), Arrays.toString(d.sigma()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(f);
    }
    FeatureStatistics back;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (FeatureStatistics) in.readObject();
    }
    assertEquals(Arrays.toString(f.sigma()), Arrays.toString(back.merge(new FeatureStatistics(D)).sigma()));
  }

  @Test
  void badInputIsNamed() {
    FeatureStatistics s = new FeatureStatistics(3);
    var e = assertThrows(IllegalArgumentException.class, () -> s.add(new float[] {1, 2, 3, 4, Float.NaN, 6}, 2));
    assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("feature 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.add(new float[5], 2));
    assertTrue(e.getMessage().contains("needs 6 values, got 5"), e.getMessage());
    s.add(new float[] {1, 2, 3}, 1);
    var one = assertThrows(IllegalStateException.class, s::sigma);
    assertTrue(one.getMessage().contains("at least 2 samples, got 1"), one.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.merge(new FeatureStatistics(4)));
    assertTrue(e.getMessage().contains("dimension 4 into dimension 3"), e.getMessage());
  }
}
