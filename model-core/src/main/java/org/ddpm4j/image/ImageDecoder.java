package org.ddpm4j.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files (PNG, JPEG, or any format javax.imageio reads) to 8-bit pixels. The stored sample values are
 * taken as they are, without gamma or ICC colour conversion (as Pillow and numpy see them): a gray image gives one
 * channel, any other image three (RGB). An alpha channel is dropped (as Pillow's {@code convert("RGB")} does), a
 * palette is expanded, and samples of other bit depths are scaled to 0..255 with rounding.
 */
public final class ImageDecoder {
  private ImageDecoder() {}

  /** A decoded image and the name of its format as javax.imageio reports it (e.g. "png", "JPEG"). */
  record Decoded(BufferedImage image, String format) {}

  /**
   * Decodes one image file to a batch of one, with 1 channel for gray images and 3 for all others.
   *
   * @throws ImageFileException naming the file when it is missing, not an image, or cannot be decoded
   */
  public static Uint8Images decode(Path file) {
    return pixels(read(file), file);
  }

  /** Reads the first image of a file with the reader that recognises its content. */
  static Decoded read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ImageFileException(file, "no such file");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new ImageFileException(file, "not an image in a format javax.imageio can read");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return new Decoded(reader.read(0), reader.getFormatName());
      } finally {
        reader.dispose();
      }
    } catch (ImageFileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ImageFileException(file, "cannot decode image (" + e.getMessage() + ")", e);
    }
  }

  /** The pixels of a decoded image as described in the class comment. */
  static Uint8Images pixels(Decoded decoded, Path file) {
    BufferedImage img = decoded.image();
    ColorModel cm = img.getColorModel();
    Raster raster = img.getRaster();
    int w = img.getWidth();
    int h = img.getHeight();
    if (cm instanceof IndexColorModel icm) {
      return palette(icm, raster, w, h);
    }
    int space = cm.getColorSpace().getType();
    if (cm instanceof ComponentColorModel
        && (space == ColorSpace.TYPE_GRAY || space == ColorSpace.TYPE_RGB)) {
      return components(raster, cm.getNumColorComponents(), w, h);
    }
    throw new ImageFileException(
        file, "unsupported pixel layout (" + decoded.format() + ", " + cm.getClass().getSimpleName() + ", "
            + cm.getNumComponents() + " components): need gray or RGB");
  }

  /** Copies the first {@code colours} bands (1 = gray, 3 = RGB) of a component image, scaled to 8 bits. */
  private static Uint8Images components(Raster raster, int colours, int w, int h) {
    byte[] out = new byte[w * h * colours];
    int[] band = new int[w * h];
    for (int b = 0; b < colours; b++) {
      raster.getSamples(0, 0, w, h, b, band);
      int max = (1 << raster.getSampleModel().getSampleSize(b)) - 1;
      for (int p = 0; p < band.length; p++) {
        out[p * colours + b] = (byte) (max == 255 ? band[p] : (band[p] * 255L + max / 2) / max);
      }
    }
    return new Uint8Images(1, h, w, colours, out);
  }

  /** Expands palette indices to RGB. */
  private static Uint8Images palette(IndexColorModel icm, Raster raster, int w, int h) {
    int[] idx = raster.getSamples(0, 0, w, h, 0, (int[]) null);
    byte[] out = new byte[w * h * 3];
    for (int p = 0; p < idx.length; p++) {
      out[3 * p] = (byte) icm.getRed(idx[p]);
      out[3 * p + 1] = (byte) icm.getGreen(idx[p]);
      out[3 * p + 2] = (byte) icm.getBlue(idx[p]);
    }
    return new Uint8Images(1, h, w, 3, out);
  }
}
