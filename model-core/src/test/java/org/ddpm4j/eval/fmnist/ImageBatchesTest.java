package org.ddpm4j.eval.fmnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.train.data.Batch;
import org.junit.jupiter.api.Test;

/** NHWC bytes to uint8 NCHW arrays, with and without left-right flips. */
class ImageBatchesTest {
  /** 3 RGB images 2x3 whose byte at (n, y, x, c) is 70n + 10y + 3x + c (all below 256). */
  static final Uint8Images RGB = images(3, 2, 3, 3);

  static Uint8Images images(int n, int h, int w, int c) {
    byte[] b = new byte[n * h * w * c];
    for (int i = 0; i < n; i++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          for (int ch = 0; ch < c; ch++) {
            b[((i * h + y) * w + x) * c + ch] = (byte) (70 * i + 10 * y + 3 * x + ch);
          }
        }
      }
    }
    return new Uint8Images(n, h, w, c, b);
  }

  @Test
  void rangeIsNchwUint8() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = ImageBatches.range(m, RGB, 1, 3);
      assertEquals(new Shape(2, 3, 2, 3), a.getShape());
      assertEquals(DataType.UINT8, a.getDataType());
      byte[] got = a.toType(DataType.UINT8, true).toByteArray();
      for (int i = 0; i < 2; i++) {
        for (int ch = 0; ch < 3; ch++) {
          for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
              assertEquals(RGB.get(i + 1, y, x, ch), got[((i * 3 + ch) * 2 + y) * 3 + x] & 0xFF);
            }
          }
        }
      }
    }
  }

  @Test
  void gatherTakesTheBatchIndicesAndMirrorsFlippedRowsKeepingChannelOrder() {
    try (NDManager m = NDManager.newBaseManager()) {
      byte[] got = ImageBatches.gather(m, RGB, new Batch(new int[] {2, 0}, new boolean[] {true, false}))
          .toByteArray();
      byte[] expected = new byte[2 * 18];
      for (int ch = 0; ch < 3; ch++) {
        for (int y = 0; y < 2; y++) {
          for (int x = 0; x < 3; x++) {
            expected[(ch * 2 + y) * 3 + x] = (byte) RGB.get(2, y, 2 - x, ch);
            expected[18 + (ch * 2 + y) * 3 + x] = (byte) RGB.get(0, y, x, ch);
          }
        }
      }
      assertArrayEquals(expected, got);
    }
  }

  @Test
  void grayImagesKeepTheirBytes() {
    Uint8Images gray = images(2, 4, 4, 1);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = ImageBatches.range(m, gray, 0, 2);
      assertEquals(new Shape(2, 1, 4, 4), a.getShape());
      assertArrayEquals(gray.nhwc(), a.toByteArray());
    }
  }
}
