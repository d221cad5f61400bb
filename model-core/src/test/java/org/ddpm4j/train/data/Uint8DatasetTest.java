package org.ddpm4j.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.ddpm4j.image.Uint8Images;
import org.junit.jupiter.api.Test;

class Uint8DatasetTest {

  @Test
  void scalingFollowsTorchvisionFloat32Arithmetic() {
    assertEquals(-1f, Uint8Dataset.scale(0));
    assertEquals(1f, Uint8Dataset.scale(255));
    // torchvision's float32 values (v / 255 - 0.5) / 0.5, from numpy: the rounding of v / 255 survives the cancellation
    assertEquals(0x3b808100, Float.floatToIntBits(Uint8Dataset.scale(128)));
    assertEquals(0xbb808080, Float.floatToIntBits(Uint8Dataset.scale(127)));
    assertEquals(0x3f119192, Float.floatToIntBits(Uint8Dataset.scale(200)));
    for (int v = 0; v < 256; v++) {
      double exact = 2.0 * v / 255 - 1;
      // the only rounding that matters is v / 255 (half an ulp of a float in [0.5, 1)), doubled by / 0.5
      assertTrue(Math.abs(Uint8Dataset.scale(v) - exact) <= Math.ulp(1f) / 2, "v = " + v);
      if (v > 0) {
        assertTrue(Uint8Dataset.scale(v) > Uint8Dataset.scale(v - 1), "monotonic at " + v);
      }
    }
  }

  @Test
  void getWritesChwAtTheOffset() {
    // one 1 x 2 RGB image: pixels (0, 51, 102) and (153, 204, 255)
    byte[] px = {0, 51, 102, (byte) 153, (byte) 204, (byte) 255};
    Uint8Dataset d = new Uint8Dataset(new Uint8Images(1, 1, 2, 3, px), null, Path.of("x"));
    float[] out = new float[8];
    d.get(0, out, 2);
    float[] expected = {0, 0, -1, 0.2f, -0.6f, 0.6f, -0.2f, 1};
    for (int i = 0; i < 8; i++) {
      assertEquals(expected[i], out[i], 1e-6, "float " + i);
    }
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> d.get(1, out, 0));
    assertEquals("image 1 out of range for 1 images of x", e.getMessage());
  }

  @Test
  void configAndKindRejectBadValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetKind.fromId("imagenet"));
    assertEquals("unknown dataset kind 'imagenet' (known: mnist, fashion-mnist, cifar10, folder)", e.getMessage());
    assertEquals(DatasetKind.FASHION_MNIST, DatasetKind.fromId("fashion-mnist"));
    assertThrows(IllegalArgumentException.class,
        () -> new DatasetConfig(DatasetKind.FOLDER, Path.of("."), Split.TRAIN, 32, 2));
    assertThrows(IllegalArgumentException.class,
        () -> new DatasetConfig(DatasetKind.FOLDER, Path.of("."), Split.TRAIN, 0, 3));
    assertThrows(IllegalArgumentException.class, () -> new BatchConfig(0, 1, false));
  }
}
