package org.ddpm4j.train.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ddpm4j.image.ImageDecoder;
import org.ddpm4j.image.ImageFileException;
import org.ddpm4j.image.ImageTransforms;
import org.ddpm4j.image.Uint8Images;

/**
 * Reads every {@code .png}, {@code .jpg} and {@code .jpeg} file under a folder (recursively, in the order of their
 * relative paths) into memory, as diffusers' training example prepares them: converted to the configured channels
 * (RGB to gray with Pillow's luma), resized so the short side is the model size (Pillow's bilinear filter,
 * antialiased), then centre-cropped to a square. Other files are ignored. All files are decoded when the folder is
 * opened, so an undecodable file is reported before training starts.
 */
public final class ImageFolderReader {
  private ImageFolderReader() {}

  /**
   * Reads the images of a folder.
   *
   * @param size the side of the square model input
   * @param channels 1 (gray) or 3 (RGB)
   * @throws DatasetException naming the folder when it holds no image, or the file that cannot be decoded
   */
  public static Uint8Dataset open(Path dir, int size, int channels) {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("an image folder gives 1 or 3 channels, not " + channels);
    }
    List<Path> files = list(dir);
    int per = size * size * channels;
    if ((long) files.size() * per > Integer.MAX_VALUE - 8) {
      throw new DatasetException(
          dir, files.size() + " images of " + size + "x" + size + "x" + channels + " exceed the 2 GB array limit");
    }
    byte[] pixels = new byte[files.size() * per];
    IntStream.range(0, files.size())
        .parallel()
        .forEach(i -> System.arraycopy(load(files.get(i), size, channels).nhwc(), 0, pixels, i * per, per));
    return new Uint8Dataset(new Uint8Images(files.size(), size, size, channels, pixels), null, dir);
  }

  /** Decodes, converts, resizes and crops one file. */
  private static Uint8Images load(Path file, int size, int channels) {
    Uint8Images img;
    try {
      img = ImageDecoder.decode(file);
    } catch (ImageFileException e) {
      throw new DatasetException(file, e.problem(), e);
    }
    img = ImageTransforms.toChannels(img, channels);
    img = ImageTransforms.resizeShortSide(img, size);
    return ImageTransforms.centerCrop(img, size, size);
  }

  /** The image files under a folder, sorted by relative path. */
  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new DatasetException(dir, "not a folder");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(ImageFolderReader::isImage)
              .map(dir::relativize)
              .sorted()
              .map(dir::resolve)
              .toList();
    } catch (IOException e) {
      throw new DatasetException(dir, "cannot list (" + e.getMessage() + ")", e);
    }
    if (files.isEmpty()) {
      throw new DatasetException(dir, "no .png, .jpg or .jpeg file");
    }
    return files;
  }

  private static boolean isImage(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
  }
}
