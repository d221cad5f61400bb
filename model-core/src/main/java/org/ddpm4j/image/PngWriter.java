package org.ddpm4j.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.IntFunction;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.ddpm4j.io.AtomicFiles;

/**
 * Encodes samples as 8-bit PNG files with javax.imageio: grayscale for one channel, RGB for three, pixel values stored
 * unchanged (no gamma or colour conversion). Files are written atomically (temporary file, then rename), so a reader
 * never sees a partial PNG.
 */
public final class PngWriter {
  private PngWriter() {}

  /**
   * Writes one sample of the batch to a PNG file atomically.
   *
   * @throws org.ddpm4j.io.CheckpointException naming the file when it cannot be written
   */
  public static void write(Uint8Images images, int index, Path file) {
    BufferedImage image = toBufferedImage(images, index);
    AtomicFiles.write(file, out -> encode(image, out));
  }

  /**
   * Writes every sample of the batch to its own PNG file in {@code dir}.
   *
   * @param fileName the file name of the sample at each batch position,
   *     e.g. {@code i -> "%06d.png".formatted(first + i)}
   */
  public static void writeAll(Uint8Images images, Path dir, IntFunction<String> fileName) {
    for (int i = 0; i < images.n(); i++) {
      write(images, i, dir.resolve(fileName.apply(i)));
    }
  }

  /** The PNG bytes of one sample, e.g. for an HTTP response. */
  public static byte[] encode(Uint8Images images, int index) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      encode(toBufferedImage(images, index), out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode PNG in memory", e);
    }
    return out.toByteArray();
  }

  /**
   * Encodes an image as PNG without ImageIO's disk cache. The cache would create a temporary file for every image
   * and register a JVM shutdown hook to delete it, which fails with "Shutdown in progress" when a PNG is written
   * while the JVM shuts down (e.g. the loss curve after SIGTERM).
   */
  public static void encode(BufferedImage image, OutputStream out) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.write(image);
    } finally {
      writer.dispose();
    }
  }

  /** Copies one sample into a gray or BGR byte image (the RGB bytes reversed per pixel). */
  private static BufferedImage toBufferedImage(Uint8Images images, int index) {
    int c = images.channels();
    if (c != 1 && c != 3) {
      throw new IllegalArgumentException("PNG output needs 1 (gray) or 3 (RGB) channels, got " + c);
    }
    byte[] src = images.sample(index);
    BufferedImage image =
        new BufferedImage(
            images.width(), images.height(), c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    byte[] dst = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    if (c == 1) {
      System.arraycopy(src, 0, dst, 0, src.length);
    } else {
      for (int p = 0; p < src.length; p += 3) {
        dst[p] = src[p + 2];
        dst[p + 1] = src[p + 1];
        dst[p + 2] = src[p];
      }
    }
    return image;
  }
}
