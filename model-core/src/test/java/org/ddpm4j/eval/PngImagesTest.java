package org.ddpm4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ddpm4j.io.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngImagesTest {
  @TempDir
  Path tmp;

  private Path png(BufferedImage img, String name) throws Exception {
    Path f = tmp.resolve(name);
    ImageIO.write(img, "png", f.toFile());
    return f;
  }

  @Test
  void decodesGrayRgbAlphaAndPaletteImagesToRgbPlanes() throws Exception {
    BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    gray.getRaster().setSample(0, 0, 0, 10);
    gray.getRaster().setSample(1, 0, 0, 200);
    BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    rgb.setRGB(0, 0, 0x102030);
    rgb.setRGB(1, 0, 0xff8001);
    BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(0, 0, 0x00405060);
    argb.setRGB(1, 0, 0x80ffffff);
    IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {5, 100}, new byte[] {6, 101},
        new byte[] {7, (byte) 250});
    BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
    indexed.getRaster().setSample(0, 0, 0, 1);
    indexed.getRaster().setSample(1, 0, 0, 0);
    ImageBatch b = PngImages.readRgb(List.of(png(gray, "g.png"), png(rgb, "c.png"), png(argb, "a.png"),
        png(indexed, "p.png")));
    byte[] expected = {
      10, (byte) 200, 10, (byte) 200, 10, (byte) 200,
      0x10, (byte) 0xff, 0x20, (byte) 0x80, 0x30, 0x01,
      0x40, (byte) 0xff, 0x50, (byte) 0xff, 0x60, (byte) 0xff,
      100, 5, 101, 6, (byte) 250, 7,
    };
    assertArrayEquals(new int[] {4, 3, 1, 2}, new int[] {b.count(), b.channels(), b.height(), b.width()});
    assertArrayEquals(expected, b.pixels());
  }

  @Test
  void sizeMismatchSixteenBitAndUndecodableFilesAreNamed() throws Exception {
    Path small = png(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY), "small.png");
    Path big = png(new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY), "big.png");
    var e = assertThrows(CheckpointException.class, () -> PngImages.readRgb(List.of(small, big)));
    assertTrue(e.getMessage().startsWith(big + ": image is 3x2"), e.getMessage());
    Path deep = png(new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY), "deep.png");
    e = assertThrows(CheckpointException.class, () -> PngImages.readRgb(List.of(deep)));
    assertTrue(e.getMessage().startsWith(deep + ": 16-bit"), e.getMessage());
    Path text = tmp.resolve("text.png");
    java.nio.file.Files.writeString(text, "no image");
    e = assertThrows(CheckpointException.class, () -> PngImages.readRgb(List.of(text)));
    assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
  }

  @Test
  void grayscaleBatchesReplicateToRgb() {
    ImageBatch g = new ImageBatch(2, 1, 1, 2, new byte[] {1, 2, 3, 4});
    assertArrayEquals(new byte[] {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4}, g.toRgb().pixels());
    assertThrows(IllegalArgumentException.class, () -> new ImageBatch(1, 2, 1, 1, new byte[2]).toRgb());
  }
}
