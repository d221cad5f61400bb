package org.ddpm4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamTest {

  /** torch.optim.Adam's update written out in double for one scalar. */
  private static final class ScalarAdam {
    double p;
    double m;
    double v;
    int k;

    ScalarAdam(double p) {
      this.p = p;
    }

    void step(double g, double lr, AdamConfig c) {
      k++;
      g += c.weightDecay() * p;
      m = c.beta1() * m + (1 - c.beta1()) * g;
      v = c.beta2() * v + (1 - c.beta2()) * g * g;
      double denom = Math.sqrt(v) / Math.sqrt(1 - Math.pow(c.beta2(), k)) + c.eps();
      p -= lr / (1 - Math.pow(c.beta1(), k)) * m / denom;
    }
  }

  @Test
  void firstStepMovesEachWeightByTheLearningRateTimesTheGradientSign() {
    try (NDManager mgr = NDManager.newBaseManager()) {
      Map<String, NDArray> params = new LinkedHashMap<>();
      params.put("w", mgr.create(new float[] {1f, -2f, 0.5f}));
      try (Adam adam = new Adam(AdamConfig.DEFAULT, params, mgr)) {
        adam.step(params, Map.of("w", mgr.create(new float[] {0.5f, -0.1f, 3f})), 0.1);
        // step 1: m / bc1 = g and sqrt(v / bc2) = |g|, so the update is lr * g / (|g| + eps)
        assertArrayEquals(new float[] {0.9f, -1.9f, 0.4f}, params.get("w").toFloatArray(), 1e-6f);
        assertEquals(1, adam.steps());
      }
    }
  }

  @Test
  void severalStepsMatchTheUpdateWrittenOutInDouble() {
    AdamConfig cfg = new AdamConfig(1e-2, 0.8, 0.95, 1e-8, 0.01);
    float[] p0 = {0.3f, -1.2f, 2f, 0f};
    float[][] grads = {{0.1f, -0.4f, 1.5f, 0f}, {-0.2f, 0.3f, 1f, 1e-3f}, {0.05f, 0.05f, -2f, 2f}};
    double[] lrs = {0.0, 5e-3, 1e-2};
    ScalarAdam[] ref = new ScalarAdam[p0.length];
    for (int i = 0; i < p0.length; i++) {
      ref[i] = new ScalarAdam(p0[i]);
    }
    try (NDManager mgr = NDManager.newBaseManager()) {
      Map<String, NDArray> params = new LinkedHashMap<>();
      params.put("w", mgr.create(p0.clone()));
      try (Adam adam = new Adam(cfg, params, mgr)) {
        for (int s = 0; s < grads.length; s++) {
          adam.step(params, Map.of("w", mgr.create(grads[s])), lrs[s]);
          for (int i = 0; i < p0.length; i++) {
            ref[i].step(grads[s][i], lrs[s], cfg);
          }
        }
        float[] got = params.get("w").toFloatArray();
        for (int i = 0; i < p0.length; i++) {
          assertEquals(ref[i].p, got[i], 1e-6 * Math.max(1, Math.abs(ref[i].p)), "weight " + i);
        }
      }
    }
  }

  @Test
  void restoredStateContinuesBitForBit() {
    float[][] grads = {{0.1f, -0.4f}, {-0.2f, 0.3f}, {0.7f, 0.01f}, {-1f, 2f}, {0.3f, 0.3f}};
    try (NDManager mgr = NDManager.newBaseManager()) {
      Map<String, NDArray> a = new LinkedHashMap<>();
      a.put("w", mgr.create(new float[] {1f, 2f}));
      Map<String, NDArray> b = new LinkedHashMap<>();
      try (Adam first = new Adam(AdamConfig.DEFAULT, a, mgr)) {
        for (int s = 0; s < 3; s++) {
          first.step(a, Map.of("w", mgr.create(grads[s])), 1e-2);
        }
        Map<String, float[]> moments = new LinkedHashMap<>();
        first.state().tensors().forEach((k, arr) -> moments.put(k, arr.toFloatArray()));
        b.put("w", mgr.create(a.get("w").toFloatArray()));
        try (Adam second = new Adam(AdamConfig.DEFAULT, b, mgr)) {
          second.restore(moments, first.state().steps());
          for (int s = 3; s < grads.length; s++) {
            first.step(a, Map.of("w", mgr.create(grads[s])), 1e-2);
            second.step(b, Map.of("w", mgr.create(grads[s])), 1e-2);
          }
        }
      }
      assertArrayEquals(a.get("w").toFloatArray(), b.get("w").toFloatArray(), 0f);
    }
  }

  @Test
  void aMissingMomentIsNamed() {
    try (NDManager mgr = NDManager.newBaseManager()) {
      Map<String, NDArray> params = Map.of("conv.weight", mgr.zeros(new ai.djl.ndarray.types.Shape(2)));
      try (Adam adam = new Adam(AdamConfig.DEFAULT, params, mgr)) {
        var e = assertThrows(IllegalArgumentException.class,
            () -> adam.restore(Map.of("m.conv.weight", new float[2]), 1));
        assertEquals("optimizer state: moment 'v.conv.weight' is missing", e.getMessage());
      }
    }
  }

  @Test
  void badSettingsNameTheField() {
    var e = assertThrows(IllegalArgumentException.class, () -> new AdamConfig(1e-3, 1.0, 0.999, 1e-8, 0));
    assertEquals("optimizer.beta1 = 1.0 is outside [0.0, 1.0)", e.getMessage());
  }
}
