package org.ddpm4j.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageTransformsTest {

  private static Uint8Images rgb(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) values[i];
    }
    return new Uint8Images(1, 1, values.length / 3, 3, b);
  }

  @Test
  void grayUsesPillowLuma() {
    // Pillow's convert("L") of pure red, green, blue, white and (100, 150, 200)
    Uint8Images g = ImageTransforms.toChannels(rgb(255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 100, 150, 200), 1);
    int[] expected = {76, 150, 29, 255, 141};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], g.get(0, 0, i, 0), "pixel " + i);
    }
    Uint8Images back = ImageTransforms.toChannels(g, 3);
    assertEquals(141, back.get(0, 0, 4, 0));
    assertEquals(141, back.get(0, 0, 4, 2));
  }

  @Test
  void shortSideBecomesSizeAndLongSideIsTruncated() {
    Uint8Images tall = new Uint8Images(1, 50, 33, 1, new byte[50 * 33]);
    Uint8Images r = ImageTransforms.resizeShortSide(tall, 16);
    assertEquals(16, r.width());
    assertEquals(24, r.height()); // floor(16 * 50 / 33) = floor(24.24)
    Uint8Images wide = new Uint8Images(1, 20, 40, 1, new byte[800]);
    assertEquals(20, ImageTransforms.resizeShortSide(wide, 10).width());
    assertSame(wide, ImageTransforms.resizeShortSide(wide, 20));
  }

  @Test
  void downscalingKeepsConstantsAndLinearRamps() {
    // each row is the ramp v(x) = 4x; a symmetric normalised kernel maps it to v at the output pixel's centre:
    // output i covers input [4i, 4i + 4) whose centre in pixel-index units is 4i + 1.5, so the value is 16i + 6
    int w = 64;
    byte[] px = new byte[2 * w * 2];
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < w; x++) {
        px[(y * w + x) * 2] = (byte) (4 * x);
        px[(y * w + x) * 2 + 1] = 77;
      }
    }
    Uint8Images r = ImageTransforms.resize(new Uint8Images(1, 2, w, 2, px), 1, 16);
    for (int i = 2; i < 14; i++) { // away from the borders, where the kernel is cut off
      assertEquals(16 * i + 6, r.get(0, 0, i, 0), "ramp at " + i);
    }
    for (int i = 0; i < 16; i++) {
      assertEquals(77, r.get(0, 0, i, 1), "constant at " + i);
    }
  }

  @Test
  void upscalingInterpolatesBetweenNeighbours() {
    // 2 pixels 0 and 200 to 4: output centres at input coordinates 0.25, 0.75, 1.25, 1.75 (pixel centres 0.5, 1.5)
    Uint8Images r = ImageTransforms.resize(new Uint8Images(1, 1, 2, 1, new byte[] {0, (byte) 200}), 1, 4);
    int[] expected = {0, 50, 150, 200};
    for (int i = 0; i < 4; i++) {
      assertEquals(expected[i], r.get(0, 0, i, 0), "pixel " + i);
    }
  }

  @Test
  void centreCropRoundsOffsetsHalfToEven() {
    byte[] px = new byte[7];
    for (int i = 0; i < 7; i++) {
      px[i] = (byte) i;
    }
    // (5 - 2) / 2 = 1.5 -> 2 and (7 - 2) / 2 = 2.5 -> 2, as Python's round in torchvision's CenterCrop
    Uint8Images five = new Uint8Images(1, 1, 5, 1, Arrays.copyOf(px, 5));
    assertEquals(2, ImageTransforms.centerCrop(five, 1, 2).get(0, 0, 0, 0));
    assertEquals(2, ImageTransforms.centerCrop(new Uint8Images(1, 1, 7, 1, px), 1, 2).get(0, 0, 0, 0));
    assertEquals(3, ImageTransforms.centerCrop(new Uint8Images(1, 1, 7, 1, px), 1, 3).get(0, 0, 1, 0));
  }
}
