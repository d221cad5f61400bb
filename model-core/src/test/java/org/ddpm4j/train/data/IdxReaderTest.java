package org.ddpm4j.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  /** An IDX file: big-endian int32 header values, then the data bytes. */
  static byte[] idx(int[] header, int dataBytes) {
    ByteBuffer b = ByteBuffer.allocate(4 * header.length + dataBytes);
    for (int h : header) {
      b.putInt(h);
    }
    for (int i = 0; i < dataBytes; i++) {
      b.put((byte) (i % 10));
    }
    return b.array();
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void readsSmallGzipAndRawFiles() throws IOException {
    Path images = write("train-images-idx3-ubyte.gz", gzip(idx(new int[] {2051, 3, 2, 4}, 24)));
    write("train-labels-idx1-ubyte", idx(new int[] {2049, 3}, 3));
    Uint8Dataset d = IdxReader.open(dir, Split.TRAIN);
    assertEquals(3, d.size());
    assertEquals(2, d.height());
    assertEquals(4, d.width());
    assertEquals(images, d.source());
    assertEquals(2, d.labels().orElseThrow().get(2));
    assertEquals(15 % 10, d.images().get(1, 1, 3, 0)); // image 1, row 1, column 3 = byte 8 + 4 + 3
  }

  @Test
  void rejectsMalformedFilesNamingFileAndProblem() throws IOException {
    byte[] good = idx(new int[] {2051, 3, 2, 2}, 12);
    byte[] gz = gzip(good);
    Path badMagic = write("magic-images-idx3-ubyte", idx(new int[] {2049, 3, 2, 2}, 12));
    Path truncated = write("trunc-images-idx3-ubyte", Arrays.copyOf(good, good.length - 3));
    Path shortHeader = write("header-images-idx3-ubyte", Arrays.copyOf(good, 10));
    Path extra = write("extra-images-idx3-ubyte", Arrays.copyOf(good, good.length + 1));
    Path badGzip = write("gz-images-idx3-ubyte.gz", Arrays.copyOf(gz, gz.length - 12));
    Path zeroSize = write("zero-images-idx3-ubyte", idx(new int[] {2051, 3, 0, 2}, 0));
    Path labelsMagic = write("l-labels-idx1-ubyte", idx(new int[] {2051, 3}, 3));
    Path labelsShort = write("s-labels-idx1-ubyte", idx(new int[] {2049, 5}, 3));

    Path countImages = write("count-images-idx3-ubyte", good);
    Path countLabels = write("count-labels-idx1-ubyte", idx(new int[] {2049, 4}, 4));
    Path rangeImages = write("range-images-idx3-ubyte", good);
    byte[] badLabel = idx(new int[] {2049, 3}, 3);
    badLabel[9] = 10;
    Path rangeLabels = write("range-labels-idx1-ubyte", badLabel);
    Path lonely = write("lonely-images-idx3-ubyte", good);
    Path oddName = write("pictures.bin", good);

    Map<String, Supplier<?>> cases = new LinkedHashMap<>();
    cases.put(badMagic + ": bad magic number 0x00000801 (2049); expected 2051 for an IDX image file",
        () -> IdxReader.readImages(badMagic));
    cases.put(truncated + ": truncated: the header announces 3 images (expected 12 bytes of data), found 9 bytes;"
        + " image record 2 is incomplete", () -> IdxReader.readImages(truncated));
    cases.put(shortHeader + ": truncated header: expected 16 bytes, found 10", () -> IdxReader.readImages(shortHeader));
    cases.put(extra + ": unexpected data after the 3 images announced in the header",
        () -> IdxReader.readImages(extra));
    cases.put(badGzip + ": cannot read (Unexpected end of ZLIB input stream)", () -> IdxReader.readImages(badGzip));
    cases.put(zeroSize + ": wrong image size in header: 3 images of 0x2", () -> IdxReader.readImages(zeroSize));
    cases.put(labelsMagic + ": bad magic number 0x00000803 (2051); expected 2049 for an IDX label file",
        () -> IdxReader.readLabels(labelsMagic));
    cases.put(labelsShort + ": truncated: the header announces 5 labels (expected 5 bytes of data), found 3 bytes;"
        + " label record 3 is incomplete", () -> IdxReader.readLabels(labelsShort));
    cases.put(countLabels + ": 4 labels, but " + countImages + " holds 3 images",
        () -> IdxReader.open(countImages, Split.TRAIN));
    cases.put(rangeLabels + ": label 10 of record 1 is out of range 0..9",
        () -> IdxReader.open(rangeImages, Split.TRAIN));
    cases.put(dir.resolve("lonely-labels-idx1-ubyte") + ": no such file", () -> IdxReader.open(lonely, Split.TRAIN));
    cases.put(oddName + ": cannot locate the labels file", () -> IdxReader.open(oddName, Split.TRAIN));
    cases.put(dir + ": no t10k-images-idx3-ubyte or t10k-images-idx3-ubyte.gz", () -> IdxReader.open(dir, Split.TEST));
    for (var c : cases.entrySet()) {
      DatasetException e = assertThrows(DatasetException.class, c.getValue()::get, c.getKey());
      assertTrue(e.getMessage().startsWith(c.getKey()), "expected '" + c.getKey() + "...', got: " + e.getMessage());
    }
  }

  @Test
  void wrongImageSizeForTheModelNamesTheFile() throws IOException {
    Path images = write("train-images-idx3-ubyte", idx(new int[] {2051, 2, 32, 32}, 2 * 1024));
    write("train-labels-idx1-ubyte", idx(new int[] {2049, 2}, 2));
    DatasetException e =
        assertThrows(
            DatasetException.class,
            () -> Datasets.open(new DatasetConfig(DatasetKind.MNIST, dir, Split.TRAIN, 28, 1)));
    assertEquals(
        images + ": wrong image size: mnist images are 32x32 with 1 channel(s), but the model takes 28x28 with 1",
        e.getMessage());
  }
}
