package org.ddpm4j.image;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Tiles a batch of samples into one image (torchvision's {@code make_grid} layout): sample {@code k} goes to row
 * {@code k / perRow}, column {@code k % perRow}, with its top-left corner at
 * {@code (padding + row * (H + padding), padding + col * (W + padding))}, in a canvas of
 * {@code rows * (H + padding) + padding} by {@code cols * (W + padding) + padding} pixels, where
 * {@code cols = min(perRow, n)} and {@code rows = ceil(n / perRow)}. Padding and empty cells take the background.
 */
public final class ImageGrid {
  private ImageGrid() {}

  /** The grid as a batch of one image with the samples' channel count. */
  public static Uint8Images compose(Uint8Images images, GridLayout layout) {
    if (images.n() == 0) {
      throw new IllegalArgumentException("cannot make a grid of 0 images");
    }
    int h = images.height();
    int w = images.width();
    int c = images.channels();
    int pad = layout.padding();
    int cols = Math.min(layout.perRow(), images.n());
    int rows = (images.n() + layout.perRow() - 1) / layout.perRow();
    int gh = Math.toIntExact((long) rows * (h + pad) + pad);
    int gw = Math.toIntExact((long) cols * (w + pad) + pad);
    byte[] out = new byte[Math.toIntExact((long) gh * gw * c)];
    Arrays.fill(out, (byte) layout.background());
    byte[] src = images.nhwc();
    int rowBytes = w * c;
    for (int k = 0; k < images.n(); k++) {
      int top = pad + (k / layout.perRow()) * (h + pad);
      int left = pad + (k % layout.perRow()) * (w + pad);
      for (int y = 0; y < h; y++) {
        System.arraycopy(src, (k * h + y) * rowBytes, out, ((top + y) * gw + left) * c, rowBytes);
      }
    }
    return new Uint8Images(1, gh, gw, c, out);
  }

  /**
   * Writes the grid of a batch as one PNG, atomically.
   *
   * @throws org.ddpm4j.io.CheckpointException naming the file when it cannot be written
   */
  public static void write(Uint8Images images, GridLayout layout, Path file) {
    PngWriter.write(compose(images, layout), 0, file);
  }
}
