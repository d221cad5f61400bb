package org.ddpm4j.train.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.ddpm4j.image.Uint8Images;

/**
 * Reads MNIST and Fashion-MNIST IDX files, gzip-compressed or raw (recognised by the gzip magic bytes 1f 8b, not by the
 * file name). An image file starts with the big-endian int32s 2051 (unsigned bytes, 3 dimensions), count, rows and
 * columns, followed by count x rows x columns pixels; a label file with 2049 (unsigned bytes, 1 dimension) and count,
 * followed by one byte per label. Anything else, fewer bytes than the header announces, or bytes after them, is
 * rejected with a message naming the file.
 */
public final class IdxReader {
  /** The magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
  static final int IMAGES_MAGIC = 0x0803;

  /** The magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
  static final int LABELS_MAGIC = 0x0801;

  /** MNIST and Fashion-MNIST have ten classes. */
  static final int CLASSES = 10;

  private IdxReader() {}

  /**
   * Opens one split from a folder holding the standard file names ({@code train-images-idx3-ubyte},
   * {@code t10k-labels-idx1-ubyte}, each optionally ending in {@code .gz}), or from an images file whose labels file
   * lies beside it under the same name with {@code labels-idx1} for {@code images-idx3}.
   *
   * @param split which files of a folder to read; ignored when {@code path} is a file
   * @throws DatasetException naming the file when a file is missing or malformed, or the counts differ
   */
  public static Uint8Dataset open(Path path, Split split) {
    Path imagesFile;
    Path labelsFile;
    if (Files.isDirectory(path)) {
      String prefix = split == Split.TRAIN ? "train" : "t10k";
      imagesFile = find(path, prefix + "-images-idx3-ubyte");
      labelsFile = find(path, prefix + "-labels-idx1-ubyte");
    } else {
      imagesFile = path;
      String name = path.getFileName().toString();
      if (!name.contains("images-idx3")) {
        throw new DatasetException(path, "cannot locate the labels file: the name does not contain 'images-idx3'");
      }
      labelsFile = path.resolveSibling(name.replace("images-idx3", "labels-idx1"));
    }
    Uint8Images images = readImages(imagesFile);
    byte[] labels = readLabels(labelsFile);
    if (labels.length != images.n()) {
      throw new DatasetException(
          labelsFile, labels.length + " labels, but " + imagesFile + " holds " + images.n() + " images");
    }
    Labels checked;
    try {
      checked = new Labels(labels, CLASSES);
    } catch (IllegalArgumentException e) {
      throw new DatasetException(labelsFile, e.getMessage(), e);
    }
    return new Uint8Dataset(images, checked, imagesFile);
  }

  /** The file {@code base} or {@code base.gz} in a folder, whichever exists. */
  private static Path find(Path dir, String base) {
    for (String name : List.of(base + ".gz", base)) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new DatasetException(dir, "no " + base + " or " + base + ".gz");
  }

  /**
   * Reads an IDX image file.
   *
   * @return n images of rows x columns with 1 channel
   * @throws DatasetException naming the file: bad magic number, empty image size, truncated or oversized data
   */
  public static Uint8Images readImages(Path file) {
    try (InputStream in = open(file)) {
      ByteBuffer header = header(in, file, IMAGES_MAGIC, 16);
      int n = header.getInt(4);
      int rows = header.getInt(8);
      int cols = header.getInt(12);
      if (rows <= 0 || cols <= 0 || n < 0) {
        throw new DatasetException(file, "wrong image size in header: " + n + " images of " + rows + "x" + cols);
      }
      byte[] pixels = body(in, file, n, (long) rows * cols, "image");
      return new Uint8Images(n, rows, cols, 1, pixels);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * Reads an IDX label file (one unsigned byte per record).
   *
   * @throws DatasetException naming the file: bad magic number, truncated or oversized data
   */
  public static byte[] readLabels(Path file) {
    try (InputStream in = open(file)) {
      ByteBuffer header = header(in, file, LABELS_MAGIC, 8);
      int n = header.getInt(4);
      if (n < 0) {
        throw new DatasetException(file, "negative label count " + n + " in header");
      }
      return body(in, file, n, 1, "label");
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** A stream of the file's bytes, decompressed when it starts with the gzip magic. */
  private static InputStream open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new DatasetException(file, "no such file");
    }
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 != 0x1f || b1 != 0x8b) {
      return in;
    }
    try {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  /** Reads and checks the header: the magic number, then the dimension sizes. */
  private static ByteBuffer header(InputStream in, Path file, int magic, int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < 4) {
      throw new DatasetException(file, "truncated header: " + bytes.length + " bytes");
    }
    ByteBuffer header = ByteBuffer.wrap(bytes);
    int found = header.getInt(0);
    if (found != magic) {
      throw new DatasetException(
          file,
          String.format(
              "bad magic number 0x%08x (%d); expected %d for an IDX %s file",
              found, found, magic, magic == IMAGES_MAGIC ? "image" : "label"));
    }
    if (bytes.length < length) {
      throw new DatasetException(file, "truncated header: expected " + length + " bytes, found " + bytes.length);
    }
    return header;
  }

  /** Reads exactly n records of {@code recordBytes} and checks that nothing follows them. */
  private static byte[] body(InputStream in, Path file, int n, long recordBytes, String what) throws IOException {
    long total = n * recordBytes;
    if (total > Integer.MAX_VALUE - 8) {
      throw new DatasetException(file, n + " " + what + "s of " + recordBytes + " bytes exceed the 2 GB array limit");
    }
    byte[] data = in.readNBytes((int) total);
    if (data.length < total) {
      throw new DatasetException(
          file,
          "truncated: the header announces " + n + " " + what + "s (expected " + total + " bytes of data), found "
              + data.length + " bytes; " + what + " record " + data.length / recordBytes + " is incomplete");
    }
    if (in.read() != -1) {
      throw new DatasetException(file, "unexpected data after the " + n + " " + what + "s announced in the header");
    }
    return data;
  }

  private static DatasetException unreadable(Path file, IOException e) {
    return new DatasetException(file, "cannot read (" + e.getMessage() + ")", e);
  }
}
