package org.ddpm4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InceptionScoreTest {

  /** One-hot probabilities: row i is certain of class i mod classes. */
  private static FeatureMatrix oneHot(int n, int classes) {
    float[] p = new float[n * classes];
    for (int i = 0; i < n; i++) {
      p[i * classes + i % classes] = 1;
    }
    return new FeatureMatrix(n, classes, p);
  }

  @Test
  void confidentAndDiversePredictionsScoreTheNumberOfClassesUniformOnesScoreOne() {
    InceptionScore.Result r = InceptionScore.compute(oneHot(40, 4), InceptionScore.Input.PROBABILITIES,
        new InceptionScore.Settings(2, false, 0));
    assertArrayEquals(new double[] {4, 4}, r.splitScores(), 1e-12);
    assertEquals(0, r.std(), 1e-12);
    FeatureMatrix uniform = new FeatureMatrix(10, 5, new float[50]);
    InceptionScore.Result u = InceptionScore.compute(uniform, InceptionScore.Input.LOGITS,
        new InceptionScore.Settings(10, true, 1));
    assertEquals(1, u.mean(), 1e-12);
  }

  @Test
  void logitsAndTheirSoftmaxGiveTheSameScore() {
    int n = 60;
    int c = 7;
    float[] logits = new float[n * c];
    java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) (rng.nextGaussian() * 3);
    }
    double[] p = new double[n * c];
    float[] pf = new float[n * c];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < c; j++) {
        p[i * c + j] = Math.exp(logits[i * c + j]);
        sum += p[i * c + j];
      }
      for (int j = 0; j < c; j++) {
        pf[i * c + j] = (float) (p[i * c + j] / sum);
      }
    }
    InceptionScore.Settings s = InceptionScore.Settings.defaults();
    double fromLogits = InceptionScore.compute(new FeatureMatrix(n, c, logits), InceptionScore.Input.LOGITS, s).mean();
    double fromProbs = InceptionScore.compute(new FeatureMatrix(n, c, pf), InceptionScore.Input.PROBABILITIES, s)
        .mean();
    assertEquals(fromLogits, fromProbs, 1e-6 * fromLogits); // probabilities rounded to float32
    assertNotEquals(fromLogits,
        InceptionScore.compute(new FeatureMatrix(n, c, logits), InceptionScore.Input.LOGITS,
            new InceptionScore.Settings(10, true, 5)).mean(), "another seed, another split");
    assertEquals(fromLogits, InceptionScore.compute(new FeatureMatrix(n, c, logits), InceptionScore.Input.LOGITS, s)
        .mean(), 0.0, "same seed, same value");
  }

  @Test
  void badInputIsNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> InceptionScore.compute(oneHot(5, 2),
        InceptionScore.Input.PROBABILITIES, InceptionScore.Settings.defaults()));
    assertTrue(e.getMessage().contains("at least 10 samples, got 5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> InceptionScore.compute(oneHot(3, 2),
        InceptionScore.Input.PROBABILITIES, 1, new int[] {0, 0, 1}));
    assertTrue(e.getMessage().contains("not a permutation"), e.getMessage());
    FeatureMatrix negative = new FeatureMatrix(2, 2, new float[] {1, 0, -0.5f, 1.5f});
    e = assertThrows(IllegalArgumentException.class, () -> InceptionScore.compute(negative,
        InceptionScore.Input.PROBABILITIES, 1, new int[] {0, 1}));
    assertTrue(e.getMessage().contains("negative probability -0.5 at sample 1, class 0"), e.getMessage());
    FeatureMatrix nan = new FeatureMatrix(2, 2, new float[] {1, 0, Float.NaN, 1});
    e = assertThrows(IllegalArgumentException.class, () -> InceptionScore.compute(nan, InceptionScore.Input.LOGITS,
        1, new int[] {0, 1}));
    assertTrue(e.getMessage().contains("sample 1, feature 0"), e.getMessage());
  }
}
