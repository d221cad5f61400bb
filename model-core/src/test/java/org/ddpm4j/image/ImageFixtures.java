package org.ddpm4j.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes test images of layouts that {@link PngWriter} does not produce (palette, alpha, 16-bit, JPEG). */
final class ImageFixtures {
  private ImageFixtures() {}

  /** Writes a BufferedImage of the given type whose raster band b at (x, y) is {@code value(x, y, b)}. */
  static Path write(Path file, String format, int type, int w, int h, Pixel value) {
    BufferedImage img = new BufferedImage(w, h, type);
    var raster = img.getRaster();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int b = 0; b < raster.getNumBands(); b++) {
          raster.setSample(x, y, b, value.at(x, y, b));
        }
      }
    }
    try {
      if (!ImageIO.write(img, format, file.toFile())) {
        throw new IllegalStateException("no writer for " + format + " / type " + type);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** A raster sample value by position and band. */
  interface Pixel {
    int at(int x, int y, int band);
  }
}
