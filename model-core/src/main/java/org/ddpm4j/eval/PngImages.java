package org.ddpm4j.eval;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ddpm4j.io.CheckpointException;

/**
 * Decodes image files (PNG; anything {@code javax.imageio} reads) to uint8 RGB the way PIL's
 * {@code np.array(Image.open(p).convert('RGB'))} does for 8-bit images: samples are taken from the raster, never
 * through {@code getRGB()} (which would apply a gray-to-sRGB conversion); grayscale is replicated, alpha dropped,
 * palette entries expanded.
 */
public final class PngImages {
  private PngImages() {}

  /**
   * Decodes files into one batch [N, 3, H, W].
   *
   * @throws IllegalArgumentException for an empty list
   * @throws CheckpointException naming the file when it cannot be decoded, has more than 8 bits per sample or
   *     differs in size from the first file
   */
  public static ImageBatch readRgb(List<Path> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no image files given");
    }
    byte[] pixels = null;
    int h = 0;
    int w = 0;
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      BufferedImage img = decode(file);
      if (i == 0) {
        h = img.getHeight();
        w = img.getWidth();
        pixels = new byte[files.size() * 3 * h * w];
      } else if (img.getHeight() != h || img.getWidth() != w) {
        throw new CheckpointException(file + ": image is " + img.getWidth() + "x" + img.getHeight() + ", but "
            + files.get(0) + " is " + w + "x" + h + " (all images of a batch must have one size)");
      }
      copyRgb(file, img, pixels, i * 3 * h * w);
    }
    return new ImageBatch(files.size(), 3, h, w, pixels);
  }

  private static BufferedImage decode(Path file) {
    BufferedImage img;
    try {
      img = ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot decode image (" + e.getMessage() + ")", e);
    }
    if (img == null) {
      throw new CheckpointException(file + ": not an image format javax.imageio can read");
    }
    return img;
  }

  /** Writes the image's R, G and B planes at {@code offset}. */
  private static void copyRgb(Path file, BufferedImage img, byte[] out, int offset) {
    int h = img.getHeight();
    int w = img.getWidth();
    int plane = h * w;
    ColorModel cm = img.getColorModel();
    Raster raster = img.getRaster();
    if (cm instanceof IndexColorModel palette) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int index = raster.getSample(x, y, 0);
          int p = offset + y * w + x;
          out[p] = (byte) palette.getRed(index);
          out[p + plane] = (byte) palette.getGreen(index);
          out[p + 2 * plane] = (byte) palette.getBlue(index);
        }
      }
      return;
    }
    for (int size : cm.getComponentSize()) {
      if (size != 8) {
        throw new CheckpointException(file + ": " + size + "-bit samples are not supported (8-bit images only)");
      }
    }
    int colours = cm.getNumColorComponents();
    if (colours != 1 && colours != 3) {
      throw new CheckpointException(file + ": " + colours + " colour components (grayscale or RGB only)");
    }
    for (int c = 0; c < 3; c++) {
      int band = colours == 1 ? 0 : c;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          out[offset + c * plane + y * w + x] = (byte) raster.getSample(x, y, band);
        }
      }
    }
  }
}
