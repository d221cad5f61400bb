package org.ddpm4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrechetDistanceTest {
  private static final FrechetDistance.Settings PLAIN =
      new FrechetDistance.Settings(FrechetDistance.Offset.NEVER, 1e-6, 1);

  private static MeanCovariance diagonal(double[] mu, double[] variances) {
    int d = mu.length;
    double[] s = new double[d * d];
    for (int i = 0; i < d; i++) {
      s[i * d + i] = variances[i];
    }
    return new MeanCovariance(mu, s);
  }

  @Test
  void diagonalCovariancesGiveTheClosedForm() {
    double[] mu1 = {0, 1, 2};
    double[] mu2 = {1, 1, 0};
    double[] v1 = {4, 9, 0};
    double[] v2 = {1, 16, 2};
    // |mu1 - mu2|^2 + sum (sqrt(v1) - sqrt(v2))^2
    double expected = 5 + 1 + 1 + 2;
    FrechetDistance.Result r = FrechetDistance.compute(diagonal(mu1, v1), diagonal(mu2, v2), PLAIN);
    assertEquals(expected, r.value(), 1e-12);
    assertEquals(5, r.meanTerm(), 0);
    assertFalse(r.offsetApplied());
  }

  @Test
  void identicalStatisticsAreAtDistanceZero() {
    double[] s = {2, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 1};
    MeanCovariance m = new MeanCovariance(new double[] {1, 2, 3}, s);
    assertEquals(0, FrechetDistance.compute(m, m, PLAIN).value(), 1e-12);
  }

  @Test
  void theOffsetAddsEpsilonToBothDiagonalsButNotToTheTraces() {
    FrechetDistance.Settings always = new FrechetDistance.Settings(FrechetDistance.Offset.ALWAYS, 0.5, 1);
    FrechetDistance.Result r = FrechetDistance.compute(diagonal(new double[] {0}, new double[] {1.5}),
        diagonal(new double[] {0}, new double[] {3.5}), always);
    assertTrue(r.offsetApplied());
    assertEquals(Math.sqrt(2 * 4), r.traceSqrtProduct(), 1e-12);
    assertEquals(1.5 + 3.5 - 2 * Math.sqrt(8), r.value(), 1e-12);
  }

  /**
   * pytorch-fid's decisions on covariances with constant features, as observed with scipy 1.10.1 on random data of
   * these zero patterns (columns [from, to) constant in set 1 / set 2).
   */
  @Test
  void pytorchFidOffsetRuleReproducesScipysDecisions() {
    assertTrue(offset(64, 0, 8, 8, 16));
    assertTrue(offset(64, 5, 6, 40, 41));
    assertTrue(offset(64, 0, 8, 4, 12));
    assertTrue(offset(127, 0, 8, 8, 16));
    assertTrue(offset(128, 0, 100, 100, 120));
    assertTrue(offset(128, 0, 30, 30, 120));
    assertTrue(offset(200, 0, 70, 70, 140));
    assertTrue(offset(200, 0, 68, 68, 138));
    assertFalse(offset(64, 0, 8, 0, 0));
    assertFalse(offset(64, 0, 0, 8, 16));
    assertFalse(offset(64, 0, 8, 0, 8));
    assertFalse(offset(64, 0, 8, 0, 16));
    assertFalse(offset(128, 0, 8, 8, 16));
    assertFalse(offset(192, 0, 8, 8, 16));
    assertFalse(offset(200, 0, 67, 67, 137));
    assertFalse(offset(200, 0, 5, 5, 67));
  }

  private static boolean offset(int d, int from1, int to1, int from2, int to2) {
    double[] v1 = new double[d];
    double[] v2 = new double[d];
    for (int i = 0; i < d; i++) {
      v1[i] = i >= from1 && i < to1 ? 0 : 1 + i % 3;
      v2[i] = i >= from2 && i < to2 ? 0 : 2 + i % 5;
    }
    MeanCovariance a = diagonal(new double[d], v1);
    MeanCovariance b = diagonal(new double[d], v2);
    return PytorchFidOffsetRule.applies(a.sigma(), b.sigma(), d);
  }

  @Test
  void badInputIsNamed() {
    MeanCovariance two = diagonal(new double[2], new double[] {1, 1});
    MeanCovariance three = diagonal(new double[3], new double[] {1, 1, 1});
    var e = assertThrows(IllegalArgumentException.class, () -> FrechetDistance.compute(two, three, PLAIN));
    assertTrue(e.getMessage().contains("different dimensions: 2 and 3"), e.getMessage());
    MeanCovariance nan = diagonal(new double[] {0, Double.NaN}, new double[] {1, 1});
    e = assertThrows(IllegalArgumentException.class, () -> FrechetDistance.compute(two, nan, PLAIN));
    assertTrue(e.getMessage().contains("second statistics: non-finite mu"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MeanCovariance(new double[2], new double[3]));
  }
}
