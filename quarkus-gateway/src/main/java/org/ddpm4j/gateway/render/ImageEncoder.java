package org.ddpm4j.gateway.render;

import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.ddpm4j.image.GridLayout;
import org.ddpm4j.image.ImageGrid;
import org.ddpm4j.image.ImageTransforms;
import org.ddpm4j.image.PngWriter;
import org.ddpm4j.image.Uint8Images;

/**
 * PNG encodings of a batch of images, with the model-core writers, so that a PNG equals the file
 * {@code ddpm4j sample} writes for the same image.
 */
public final class ImageEncoder {
  private ImageEncoder() {}

  /** One image as PNG bytes. */
  public static byte[] png(Uint8Images images, int index) {
    return PngWriter.encode(images, index);
  }

  /** All images in one square grid (torchvision's layout: ceil(sqrt(n)) per row, padding 2), as PNG bytes. */
  public static byte[] grid(Uint8Images images) {
    return PngWriter.encode(ImageGrid.compose(images, GridLayout.square(images.n())), 0);
  }

  /** Every image as a base64 PNG. */
  public static List<String> base64(Uint8Images images) {
    return IntStream.range(0, images.n()).mapToObj(i -> base64(png(images, i))).toList();
  }

  /** Bytes as base64 text. */
  public static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * A small preview: the grid of all images, shrunk (aspect kept) so that its longer side is at most
   * {@code maxSide} pixels.
   */
  public static byte[] preview(Uint8Images images, int maxSide) {
    Uint8Images grid = ImageGrid.compose(images, GridLayout.square(images.n()));
    int longer = Math.max(grid.height(), grid.width());
    if (longer > maxSide) {
      int h = Math.max(1, (int) ((long) grid.height() * maxSide / longer));
      int w = Math.max(1, (int) ((long) grid.width() * maxSide / longer));
      grid = ImageTransforms.resize(grid, h, w);
    }
    return PngWriter.encode(grid, 0);
  }
}
