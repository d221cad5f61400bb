package org.ddpm4j.image;

import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.IndexColorModel;
import java.nio.file.Path;

/**
 * Reads 8-bit gray or RGB PNG files, such as those {@link PngWriter} writes, into uint8 NHWC pixels, byte for byte as
 * stored. Any other PNG layout (palette, alpha, 16-bit) or another format is rejected with a message naming the file;
 * {@link ImageDecoder} accepts those.
 */
public final class PngReader {
  private PngReader() {}

  /**
   * Reads one PNG as a batch of one.
   *
   * @throws ImageFileException naming the file when it is not an 8-bit gray or RGB PNG or cannot be decoded
   */
  public static Uint8Images read(Path file) {
    ImageDecoder.Decoded decoded = ImageDecoder.read(file);
    if (!"png".equalsIgnoreCase(decoded.format())) {
      throw new ImageFileException(file, "not a PNG (found " + decoded.format() + ")");
    }
    ColorModel cm = decoded.image().getColorModel();
    int bits = decoded.image().getSampleModel().getSampleSize(0);
    boolean plain =
        cm instanceof ComponentColorModel
            && !cm.hasAlpha()
            && bits == 8
            && (cm.getNumComponents() == 1 || cm.getNumComponents() == 3);
    if (!plain) {
      throw new ImageFileException(file, "not an 8-bit gray or RGB PNG (" + describe(cm, bits) + ")");
    }
    return ImageDecoder.pixels(decoded, file);
  }

  /**
   * Reads one PNG and checks its size and channel count.
   *
   * @throws ImageFileException naming the file and both sizes when they differ from the expected ones
   */
  public static Uint8Images read(Path file, int height, int width, int channels) {
    Uint8Images img = read(file);
    if (img.height() != height || img.width() != width || img.channels() != channels) {
      throw new ImageFileException(
          file,
          "image is " + img.height() + "x" + img.width() + " with " + img.channels() + " channel(s), expected "
              + height + "x" + width + " with " + channels);
    }
    return img;
  }

  private static String describe(ColorModel cm, int bits) {
    String kind = cm instanceof IndexColorModel ? "palette" : cm.getNumComponents() + " components";
    return kind + (cm.hasAlpha() ? " with alpha" : "") + ", " + bits + "-bit";
  }
}
