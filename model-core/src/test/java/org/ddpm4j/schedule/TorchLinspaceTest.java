package org.ddpm4j.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TorchLinspaceTest {

  @Test
  void exactlyRepresentableGridIsExact() {
    assertArrayEquals(new float[] {0f, 0.25f, 0.5f, 0.75f, 1f}, TorchLinspace.float32(0f, 1f, 5));
    float[] ints = TorchLinspace.float32(0f, 99f, 100);
    for (int i = 0; i < ints.length; i++) {
      assertEquals(i, ints[i]);
    }
  }

  @Test
  void endpointsAreExactAndValuesWithinOneUlpOfTheRealLine() {
    float start = 1e-4f;
    float end = 0.02f;
    float[] v = TorchLinspace.float32(start, end, 1000);
    assertEquals(start, v[0]);
    assertEquals(end, v[999]);
    for (int i = 0; i < v.length; i++) {
      double exact = start + (end - (double) start) * i / 999;
      assertTrue(Math.abs(v[i] - exact) <= 2 * Math.ulp(v[i]), "value " + i + " = " + v[i] + ", exact " + exact);
      if (i > 0) {
        assertTrue(v[i] > v[i - 1], "increasing at " + i);
      }
    }
  }

  @Test
  void laneValuesAddARoundedMultipleOfTheStepToTheVectorBase() {
    // value 9 is lane 1 of the vector based at 8: base + 1 * step, base by fused multiply-add
    float start = 1e-4f;
    float end = 0.02f;
    float step = (end - start) / 999;
    float[] v = TorchLinspace.float32(start, end, 1000);
    assertEquals(Math.fma(step, 8f, start) + step, v[9]);
    // the values after the last full block of 16 (992..999) use the scalar formula from the end
    assertEquals(Math.fma(-step, 3f, end), v[996]);
  }

  @Test
  void singleValueIsStartAndNoValueIsAnError() {
    assertArrayEquals(new float[] {3f}, TorchLinspace.float32(3f, 7f, 1));
    assertThrows(IllegalArgumentException.class, () -> TorchLinspace.float32(0f, 1f, 0));
  }
}
