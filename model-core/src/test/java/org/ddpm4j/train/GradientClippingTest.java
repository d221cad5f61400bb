package org.ddpm4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

  @Test
  void scalesAllGradientsByTheGlobalNorm() {
    try (NDManager mgr = NDManager.newBaseManager()) {
      NDArray a = mgr.create(new float[] {3f, 4f});
      NDArray b = mgr.create(new float[] {12f});
      double total = GradientClipping.clip(List.of(a, b), 1.0);
      assertEquals(13.0, total, 1e-6);
      float f = 1f / (13f + 1e-6f);
      assertArrayEquals(new float[] {3f * f, 4f * f}, a.toFloatArray(), 1e-7f);
      assertArrayEquals(new float[] {12f * f}, b.toFloatArray(), 1e-7f);
    }
  }

  @Test
  void leavesSmallGradientsUnchanged() {
    try (NDManager mgr = NDManager.newBaseManager()) {
      NDArray a = mgr.create(new float[] {0.3f, -0.4f});
      double total = GradientClipping.clip(List.of(a), 1.0);
      assertEquals(0.5, total, 1e-7);
      assertArrayEquals(new float[] {0.3f, -0.4f}, a.toFloatArray(), 0f);
    }
  }
}
