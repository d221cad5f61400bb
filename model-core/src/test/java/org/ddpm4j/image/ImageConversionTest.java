package org.ddpm4j.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ImageConversionTest {

  /**
   * Inputs (float32 bits) and the bytes numpy 2.4 gives for diffusers' expression, computed outside this project with
   * <pre>
   * x = np.array([...], dtype=np.float32)
   * u = np.clip(x / 2 + 0.5, 0, 1)           # float32, as torch's (x / 2 + 0.5).clamp(0, 1)
   * (u * 255).round().astype("uint8")        # numpy_to_pil
   * </pre>
   * The inputs were chosen so that {@code u * 255} is exactly k + 0.5 in float32 (the comment gives the product), with
   * float32 neighbours; a half-up rounding gets the odd-k rows wrong, a float64 pipeline the 224.5 neighbours.
   */
  private static final int[][] NUMPY_TABLE = {
    {0xff800000, 0}, // -inf
    {0xbfc00000, 0}, // -1.5
    {0xbf800000, 0}, // -1
    {0xbefcfcfc, 64}, // 64.5
    {0xbe38b8b8, 104}, // 104.5
    {0xbc008081, 126}, // 126.5
    {0xb22bcc77, 128}, // -1e-8 -> 127.5
    {0x00000000, 128}, // 0 -> 127.5
    {0x80000000, 128}, // -0
    {0x3c008080, 128}, // 128.5
    {0x3e088888, 144}, // 144.5
    {0x3ee4e4e4, 184}, // 184.5
    {0x3f42c2c1, 224}, // 224.49998
    {0x3f42c2c2, 224}, // 224.5
    {0x3f42c2c3, 225}, // 224.50002
    {0x3f7cfcfc, 254}, // 253.5
    {0x3f7eff00, 254}, // 254.5
    {0x3f800000, 255}, // 1
    {0x40000000, 255}, // 2
    {0x7f800000, 255}, // +inf
  };

  @Test
  void matchesNumpyAtRoundingBoundaries() {
    for (int[] row : NUMPY_TABLE) {
      float x = Float.intBitsToFloat(row[0]);
      assertEquals(row[1], ImageConversion.toUint8(x), "x = " + x + " (0x" + Integer.toHexString(row[0]) + ")");
    }
  }

  @Test
  void roundsHalfToEvenInFloat32() {
    // every input whose float32 product u * 255 is exactly k + 0.5 must give the even one of k, k + 1
    int found = 0;
    for (int k = 0; k < 255; k++) {
      float centre = 2f * ((k + 0.5f) / 255f) - 1f;
      for (int d = -64; d <= 64; d++) {
        float x = Float.intBitsToFloat(Float.floatToIntBits(centre) + d);
        float product = Math.min(Math.max(x / 2f + 0.5f, 0f), 1f) * 255f;
        if (product == k + 0.5f) {
          assertEquals(k % 2 == 0 ? k : k + 1, ImageConversion.toUint8(x), "x = " + x);
          found++;
        }
      }
    }
    assertTrue(found > 100, "only " + found + " half-way inputs found");
  }

  @Test
  void convertsNchwBatchToNhwc() {
    // 2 samples, 3 channels, 1x2 pixels; value encodes (sample, channel, x)
    float[] nchw = new float[12];
    int[] expected = new int[12];
    for (int b = 0; b < 2; b++) {
      for (int c = 0; c < 3; c++) {
        for (int x = 0; x < 2; x++) {
          int target = 10 * (b * 6 + c * 2 + x); // exact byte values 0..110, away from rounding boundaries
          nchw[(b * 3 + c) * 2 + x] = target / 127.5f - 1f;
          expected[(b * 2 + x) * 3 + c] = target;
        }
      }
    }
    Uint8Images img = ImageConversion.toUint8(nchw, 2, 3, 1, 2);
    assertEquals(2, img.n());
    assertEquals(3, img.channels());
    for (int i = 0; i < 12; i++) {
      assertEquals(expected[i], img.nhwc()[i] & 0xFF, "byte " + i);
    }
    assertEquals(50, img.get(0, 0, 1, 2));
  }

  @Test
  void ndArrayPathEqualsArrayPath() {
    float[] data = new float[2 * 3 * 4 * 5];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) Math.sin(i * 0.37) * 1.2f;
    }
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(data, new Shape(2, 3, 4, 5));
      assertEquals(ImageConversion.toUint8(data, 2, 3, 4, 5), ImageConversion.toUint8(x));
      IllegalArgumentException rank =
          assertThrows(IllegalArgumentException.class, () -> ImageConversion.toUint8(x.reshape(6, 4, 5)));
      assertTrue(rank.getMessage().contains("(6, 4, 5)"), rank.getMessage());
      IllegalArgumentException type =
          assertThrows(
              IllegalArgumentException.class, () -> ImageConversion.toUint8(x.toType(DataType.FLOAT64, false)));
      assertTrue(type.getMessage().contains("float64"), type.getMessage());
    }
  }

  @Test
  void rejectsNanNamingThePosition() {
    float[] data = new float[2 * 1 * 2 * 3];
    data[6 + 4] = Float.NaN; // sample 1, y 1, x 1
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ImageConversion.toUint8(data, 2, 1, 2, 3));
    assertEquals("NaN in sample 1 at channel 0, y=1, x=1", e.getMessage());
  }
}
