package org.ddpm4j.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.ddpm4j.image.PngWriter;
import org.ddpm4j.image.Uint8Images;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {
  @TempDir Path dir;

  /** An RGB image h x w whose pixel is (r, g, b) inside columns [from, to) and black elsewhere. */
  static Uint8Images band(int h, int w, int from, int to, int r, int g, int b) {
    byte[] px = new byte[h * w * 3];
    for (int y = 0; y < h; y++) {
      for (int x = from; x < to; x++) {
        int p = (y * w + x) * 3;
        px[p] = (byte) r;
        px[p + 1] = (byte) g;
        px[p + 2] = (byte) b;
      }
    }
    return new Uint8Images(1, h, w, 3, px);
  }

  @Test
  void resizesCropsAndConvertsInPathOrder() throws IOException {
    // a.png: 4 x 8, red in the central columns 2..5: already short side 4, the centre crop keeps exactly the red part
    PngWriter.write(band(4, 8, 2, 6, 255, 0, 0), 0, dir.resolve("a.png"));
    // sub/b.png: 16 x 8 constant gray 90 (as RGB): halved to 8 x 4 then cropped; a constant stays constant
    PngWriter.write(band(16, 8, 0, 8, 90, 90, 90), 0, Files.createDirectories(dir.resolve("sub")).resolve("b.png"));
    Files.writeString(dir.resolve("notes.txt"), "ignored");

    Uint8Dataset rgb = ImageFolderReader.open(dir, 4, 3);
    assertEquals(2, rgb.size());
    assertFalse(rgb.labels().isPresent());
    float[] img = new float[3 * 16];
    rgb.get(0, img, 0);
    for (int p = 0; p < 16; p++) {
      assertEquals(1f, img[p], "red plane " + p);
      assertEquals(-1f, img[16 + p], "green plane " + p);
      assertEquals(-1f, img[32 + p], "blue plane " + p);
    }
    rgb.get(1, img, 0);
    for (float v : img) {
      assertEquals(90 / 127.5 - 1, v, 1e-6);
    }

    Uint8Dataset gray = Datasets.open(new DatasetConfig(DatasetKind.FOLDER, dir, Split.TRAIN, 4, 1));
    assertEquals(1, gray.channels());
    assertEquals(76, gray.images().get(0, 3, 3, 0)); // Pillow's luma of pure red
    assertEquals(90, gray.images().get(1, 0, 0, 0));
  }

  @Test
  void readsJpegFiles() throws IOException {
    BufferedImage img = new BufferedImage(12, 10, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 12; x++) {
        img.getRaster().setSample(x, y, 0, 180);
      }
    }
    assertTrue(ImageIO.write(img, "jpg", dir.resolve("photo.JPEG").toFile()));
    Uint8Dataset d = ImageFolderReader.open(dir, 5, 3);
    assertEquals(5, d.width());
    assertTrue(Math.abs(d.images().get(0, 2, 2, 1) - 180) <= 2, "value " + d.images().get(0, 2, 2, 1));
  }

  @Test
  void rejectsUndecodableAndEmptyFolders() throws IOException {
    PngWriter.write(band(4, 4, 0, 4, 1, 2, 3), 0, dir.resolve("good.png"));
    Path broken = Files.writeString(dir.resolve("broken.png"), "not a png");
    DatasetException e = assertThrows(DatasetException.class, () -> ImageFolderReader.open(dir, 4, 3));
    assertEquals(broken + ": not an image in a format javax.imageio can read", e.getMessage());

    Path empty = Files.createDirectory(dir.resolve("empty"));
    e = assertThrows(DatasetException.class, () -> ImageFolderReader.open(empty, 4, 3));
    assertEquals(empty + ": no .png, .jpg or .jpeg file", e.getMessage());

    e = assertThrows(DatasetException.class, () -> ImageFolderReader.open(broken, 4, 3));
    assertEquals(broken + ": not a folder", e.getMessage());
  }
}
