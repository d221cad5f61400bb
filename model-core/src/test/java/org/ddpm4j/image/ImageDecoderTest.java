package org.ddpm4j.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {
  @TempDir Path dir;

  @Test
  void grayStaysOneChannelWithoutGammaConversion() {
    Path f = ImageFixtures.write(
        dir.resolve("g.png"), "png", BufferedImage.TYPE_BYTE_GRAY, 16, 16, (x, y, b) -> 16 * y + x);
    Uint8Images img = ImageDecoder.decode(f);
    assertEquals(1, img.channels());
    for (int v = 0; v < 256; v++) {
      assertEquals(v, img.get(0, v / 16, v % 16, 0));
    }
  }

  @Test
  void sixteenBitIsScaledWithRounding() {
    // 257 * k is exactly k in 8 bits; other values round to the nearest 8-bit level
    Path f = ImageFixtures.write(dir.resolve("d.png"), "png", BufferedImage.TYPE_USHORT_GRAY, 4, 1,
        (x, y, b) -> new int[] {0, 257 * 200, 65535, 129}[x]);
    Uint8Images img = ImageDecoder.decode(f);
    assertEquals(0, img.get(0, 0, 0, 0));
    assertEquals(200, img.get(0, 0, 1, 0));
    assertEquals(255, img.get(0, 0, 2, 0));
    assertEquals(1, img.get(0, 0, 3, 0)); // 129 * 255 / 65535 = 0.502 -> 1
  }

  @Test
  void alphaIsDroppedAndPaletteExpanded() {
    Path rgba = ImageFixtures.write(dir.resolve("a.png"), "png", BufferedImage.TYPE_4BYTE_ABGR, 2, 2,
        (x, y, b) -> b == 3 ? 0 : 10 * b + x + 2 * y + 1); // raster bands are R, G, B, A
    Uint8Images img = ImageDecoder.decode(rgba);
    assertEquals(3, img.channels());
    assertEquals(1 + 1 + 2, img.get(0, 1, 1, 0));
    assertEquals(21 + 1, img.get(0, 0, 1, 2));

    Path pal = ImageFixtures.write(
        dir.resolve("p.png"), "png", BufferedImage.TYPE_BYTE_BINARY, 3, 1, (x, y, b) -> x % 2);
    Uint8Images p = ImageDecoder.decode(pal);
    assertEquals(3, p.channels());
    assertEquals(0, p.get(0, 0, 0, 1));
    assertEquals(255, p.get(0, 0, 1, 1));
  }

  @Test
  void readsJpeg() {
    Path jpg = ImageFixtures.write(dir.resolve("c.jpg"), "jpg", BufferedImage.TYPE_3BYTE_BGR, 16, 16,
        (x, y, b) -> b == 0 ? 200 : 40); // raster band 0 is red
    Uint8Images img = ImageDecoder.decode(jpg);
    assertEquals(3, img.channels());
    assertEquals(16, img.width());
    assertTrue(Math.abs(img.get(0, 8, 8, 0) - 200) <= 4, "red " + img.get(0, 8, 8, 0));
    assertTrue(Math.abs(img.get(0, 8, 8, 2) - 40) <= 4, "blue " + img.get(0, 8, 8, 2));
  }

  @Test
  void rejectsUndecodableFile() throws Exception {
    Path bad = Files.write(dir.resolve("bad.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
    ImageFileException e = assertThrows(ImageFileException.class, () -> ImageDecoder.decode(bad));
    assertTrue(e.getMessage().startsWith(bad + ": cannot decode image"), e.getMessage());
  }
}
