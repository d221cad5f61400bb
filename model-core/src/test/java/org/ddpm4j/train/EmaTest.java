package org.ddpm4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmaTest {

  @Test
  void defaultDecayWarmsUpAsOnePlusStepOverTenPlusStep() {
    EmaConfig c = EmaConfig.DEFAULT;
    assertEquals(0.0, Ema.decay(c, 1));
    assertEquals(2.0 / 11.0, Ema.decay(c, 2), 1e-15);
    assertEquals(0.25, Ema.decay(c, 3), 1e-15);
    assertEquals(91.0 / 100.0, Ema.decay(c, 91), 1e-15);
    // (1 + s) / (10 + s) passes 0.9999 at s = 89991
    assertEquals(89991.0 / 90000.0, Ema.decay(c, 89991), 1e-15);
    assertEquals(0.9999, Ema.decay(c, 89992), 0.0);
    assertEquals(0.9999, Ema.decay(c, 1_000_000), 0.0);
  }

  @Test
  void powerWarmupUpdateAfterStepAndMinDecay() {
    EmaConfig warm = new EmaConfig(0.999, 0.0, 0, true, 1.0, 0.75);
    assertEquals(0.0, Ema.decay(warm, 1));
    assertEquals(1 - Math.pow(10, -0.75), Ema.decay(warm, 10), 1e-15);
    assertEquals(0.999, Ema.decay(warm, 1_000_000), 0.0);
    EmaConfig gamma = new EmaConfig(0.9999, 0.0, 0, true, 2.0, 2.0 / 3.0);
    assertEquals(1 - Math.pow(1 + 4 / 2.0, -2.0 / 3.0), Ema.decay(gamma, 5), 1e-15);
    EmaConfig late = new EmaConfig(0.9999, 0.0, 5, false, 1.0, 2.0 / 3.0);
    assertEquals(0.0, Ema.decay(late, 6));
    assertEquals(2.0 / 11.0, Ema.decay(late, 7), 1e-15);
    EmaConfig floor = new EmaConfig(0.9999, 0.5, 0, false, 1.0, 2.0 / 3.0);
    assertEquals(0.0, Ema.decay(floor, 1), "step 0 of the average is a copy, before the floor applies");
    assertEquals(0.5, Ema.decay(floor, 2), 0.0);
  }

  @Test
  void shadowFollowsTheHandComputedAverage() {
    try (NDManager mgr = NDManager.newBaseManager()) {
      Map<String, NDArray> p = new LinkedHashMap<>();
      p.put("a", mgr.create(new float[] {1f, 2f}));
      try (Ema ema = new Ema(EmaConfig.DEFAULT, p, mgr)) {
        assertArrayEquals(new float[] {1f, 2f}, ema.weights().get("a").toFloatArray(), 0f);
        p.get("a").set(new float[] {3f, -1f});
        assertEquals(0.0, ema.step(p));
        assertArrayEquals(new float[] {3f, -1f}, ema.weights().get("a").toFloatArray(), 0f);
        p.get("a").set(new float[] {5f, 0f});
        assertEquals(2.0 / 11.0, ema.step(p), 1e-15);
        // s = s - (9/11) (s - p): 3 - 9/11 * (3 - 5) = 51/11, -1 - 9/11 * (-1 - 0) = -2/11
        assertArrayEquals(new float[] {51f / 11f, -2f / 11f}, ema.weights().get("a").toFloatArray(), 1e-6f);
        p.get("a").set(new float[] {0f, 0f});
        ema.step(p);
        // decay 0.25: s = 0.25 s
        assertArrayEquals(new float[] {51f / 44f, -2f / 44f}, ema.weights().get("a").toFloatArray(), 1e-6f);
        assertEquals(3, ema.optimizationStep());
      }
    }
  }

  @Test
  void theShadowIsACopyNotAView() {
    try (NDManager mgr = NDManager.newBaseManager()) {
      Map<String, NDArray> p = new LinkedHashMap<>();
      p.put("a", mgr.create(new float[] {1f}));
      try (Ema ema = new Ema(EmaConfig.DEFAULT, p, mgr)) {
        p.get("a").set(new float[] {7f});
        assertArrayEquals(new float[] {1f}, ema.weights().get("a").toFloatArray(), 0f);
      }
    }
  }
}
