package org.ddpm4j.train.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ddpm4j.image.Uint8Images;

/**
 * Reads the CIFAR-10 binary version: files of 3073-byte records, each one label byte (0..9) followed by a 32x32 RGB
 * image as 1024 red, 1024 green and 1024 blue bytes (CHW, rows top to bottom).
 */
public final class Cifar10Reader {
  /** Image side. */
  static final int SIZE = 32;

  /** Bytes per record: the label and 3 x 32 x 32 pixels. */
  static final int RECORD = 1 + 3 * SIZE * SIZE;

  private static final Pattern TRAIN_FILE = Pattern.compile("data_batch_(\\d{1,9})\\.bin");

  private Cifar10Reader() {}

  /**
   * Opens one split from the folder of the binary distribution ({@code data_batch_1.bin} .. {@code data_batch_5.bin}
   * for training, in numeric order, and {@code test_batch.bin} for test), or a single batch file.
   *
   * @param split which files of a folder to read; ignored when {@code path} is a file
   * @throws DatasetException naming the file: missing, empty, a truncated record, a label out of range
   */
  public static Uint8Dataset open(Path path, Split split) {
    List<Path> files = Files.isDirectory(path) ? batchFiles(path, split) : List.of(path);
    List<byte[]> contents = new ArrayList<>();
    long records = 0;
    for (Path f : files) {
      byte[] bytes = read(f);
      contents.add(bytes);
      records += bytes.length / RECORD;
    }
    if (records * SIZE * SIZE * 3 > Integer.MAX_VALUE - 8) {
      throw new DatasetException(path, records + " records exceed the 2 GB array limit");
    }
    int n = (int) records;
    byte[] pixels = new byte[n * SIZE * SIZE * 3];
    byte[] labels = new byte[n];
    int r = 0;
    for (int f = 0; f < files.size(); f++) {
      byte[] bytes = contents.get(f);
      for (int k = 0; k < bytes.length / RECORD; k++, r++) {
        int label = bytes[k * RECORD] & 0xFF;
        if (label >= 10) {
          throw new DatasetException(files.get(f), "record " + k + ": label " + label + " out of range 0..9");
        }
        labels[r] = (byte) label;
        toHwc(bytes, k * RECORD + 1, pixels, r * SIZE * SIZE * 3);
      }
    }
    Path source = files.size() == 1 ? files.get(0) : path;
    return new Uint8Dataset(new Uint8Images(n, SIZE, SIZE, 3, pixels), new Labels(labels, 10), source);
  }

  /** Reads one batch file and checks that it holds whole records. */
  private static byte[] read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new DatasetException(file, "no such file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DatasetException(file, "cannot read (" + e.getMessage() + ")", e);
    }
    if (bytes.length == 0) {
      throw new DatasetException(file, "empty file, no CIFAR-10 record");
    }
    int rest = bytes.length % RECORD;
    if (rest != 0) {
      throw new DatasetException(
          file,
          "truncated record " + bytes.length / RECORD + " (expected " + RECORD + " bytes per record, found " + rest
              + ")");
    }
    return bytes;
  }

  /** Converts one record's CHW planes to HWC. */
  private static void toHwc(byte[] src, int from, byte[] dst, int to) {
    int plane = SIZE * SIZE;
    for (int p = 0; p < plane; p++) {
      for (int c = 0; c < 3; c++) {
        dst[to + 3 * p + c] = src[from + c * plane + p];
      }
    }
  }

  /** The batch files of a split in a folder. */
  private static List<Path> batchFiles(Path dir, Split split) {
    if (split == Split.TEST) {
      return List.of(dir.resolve("test_batch.bin"));
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(p -> TRAIN_FILE.matcher(p.getFileName().toString()).matches())
              .sorted(Comparator.comparingInt(Cifar10Reader::batchNumber))
              .toList();
    } catch (IOException e) {
      throw new DatasetException(dir, "cannot list (" + e.getMessage() + ")", e);
    }
    if (files.isEmpty()) {
      throw new DatasetException(dir, "no data_batch_*.bin file (the CIFAR-10 binary version)");
    }
    return files;
  }

  private static int batchNumber(Path p) {
    Matcher m = TRAIN_FILE.matcher(p.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
  }
}
