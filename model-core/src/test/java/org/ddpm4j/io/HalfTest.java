package org.ddpm4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HalfTest {

  @Test
  void knownBitPatterns() {
    assertEquals((short) 0x3c00, Half.fromFloat(1f));
    assertEquals((short) 0xc000, Half.fromFloat(-2f));
    assertEquals((short) 0x7bff, Half.fromFloat(65504f), "largest finite half");
    assertEquals((short) 0x7c00, Half.fromFloat(65520f), "halfway to the next binade rounds to infinity");
    assertEquals((short) 0x0001, Half.fromFloat(0x1p-24f), "smallest subnormal");
    assertEquals((short) 0x0000, Half.fromFloat(0x1p-25f), "a tie rounds to even (zero)");
    assertEquals((short) 0x0002, Half.fromFloat(3 * 0x1p-25f), "a tie rounds to even (two)");
    assertEquals((short) 0x3c00, Half.fromFloat(1 + 0x1p-11f), "halfway between 1 and 1+2^-10 rounds to even");
    assertEquals((short) 0x3c02, Half.fromFloat(1 + 3 * 0x1p-11f), "halfway between 1+2^-10 and 1+2^-9: to even");
    assertEquals(1f, Half.toFloat((short) 0x3c00));
    assertEquals(0x1p-24f, Half.toFloat((short) 0x0001));
    assertEquals(Float.NEGATIVE_INFINITY, Half.toFloat((short) 0xfc00));
    assertTrue(Float.isNaN(Half.toFloat((short) 0x7e00)));
    assertEquals(-0f, Half.toFloat((short) 0x8000));
    assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(Half.toFloat((short) 0x8000)));
  }

  @Test
  void everyHalfSurvivesARoundTrip() {
    for (int h = 0; h < 0x10000; h++) {
      float f = Half.toFloat((short) h);
      if (Float.isNaN(f)) {
        assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(f))));
      } else {
        assertEquals((short) h, Half.fromFloat(f), "bits " + Integer.toHexString(h));
      }
    }
  }

  @Test
  void narrowingAgreesWithLibtorch() {
    Random r = new Random(1);
    float[] values = new float[20000];
    for (int i = 0; i < values.length; i++) {
      // magnitudes from deep subnormal to past the largest half
      values[i] = (float) (r.nextGaussian() * Math.pow(2, r.nextInt(46) - 30));
    }
    try (NDManager m = NDManager.newBaseManager()) {
      ByteBuffer torch = ByteBuffer.wrap(m.create(values).toType(DataType.FLOAT16, false).toByteArray())
          .order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < values.length; i++) {
        assertEquals(torch.getShort(2 * i), Half.fromFloat(values[i]), "value " + values[i]);
      }
    }
  }
}
