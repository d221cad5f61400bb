package org.ddpm4j.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readers on the real Fashion-MNIST files of Debian's {@code dataset-fashion-mnist} (folder overridable with the
 * system property {@code fashion.mnist.dir}). The expected statistics are either published facts about the dataset
 * (60000/10000 images, 6000/1000 per class, mean pixel 0.2860 and std 0.3530 of the training set, first labels
 * 9 0 0 3 0) or computed here from the raw decompressed bytes, independently of the reader.
 */
class FashionMnistTest {
  static final Path DIR = Path.of(System.getProperty("fashion.mnist.dir", "/usr/share/datasets/fashion-mnist"));

  static Uint8Dataset train;

  @BeforeAll
  static void open() {
    assertTrue(
        Files.isDirectory(DIR),
        DIR + " missing: install the Debian package dataset-fashion-mnist (apt-get install -y dataset-fashion-mnist)");
    train = IdxReader.open(DIR, Split.TRAIN);
  }

  static byte[] gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }

  @Test
  void trainingSetHasPublishedShapeLabelsAndStatistics() throws IOException {
    assertEquals(60000, train.size());
    assertEquals(28, train.height());
    assertEquals(28, train.width());
    assertEquals(1, train.channels());
    Labels labels = train.labels().orElseThrow();
    assertEquals(10, labels.classes());
    int[] sixThousand = new int[10];
    Arrays.fill(sixThousand, 6000);
    assertArrayEquals(sixThousand, labels.counts());
    assertArrayEquals(new int[] {9, 0, 0, 3, 0}, IntStream.range(0, 5).map(labels::get).toArray());

    byte[] raw = gunzip(DIR.resolve("train-images-idx3-ubyte.gz"));
    assertEquals(16 + 60000 * 784, raw.length);
    long rawSum = 0;
    for (int i = 16; i < raw.length; i++) {
      rawSum += raw[i] & 0xFF;
    }
    double rawMean = rawSum / (60000.0 * 784);

    float[] img = new float[784];
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < train.size(); i++) {
      train.get(i, img, 0);
      for (float v : img) {
        double u = (v + 1) / 2; // back to [0, 1]
        sum += u;
        sumSq += u * u;
      }
    }
    double mean = sum / (60000.0 * 784);
    double std = Math.sqrt(sumSq / (60000.0 * 784) - mean * mean);
    assertEquals(rawMean / 255, mean, 1e-6, "mean of the scaled pixels against the raw bytes");
    assertEquals(0.2860, mean, 5e-5, "published Fashion-MNIST training mean");
    assertEquals(0.3530, std, 5e-5, "published Fashion-MNIST training std");

    // one image pixel by pixel: image 12345, CHW = row-major 28 x 28
    train.get(12345, img, 0);
    for (int p = 0; p < 784; p++) {
      int v = raw[16 + 12345 * 784 + p] & 0xFF;
      assertEquals(2.0 * v / 255 - 1, img[p], 1e-6, "pixel " + p);
    }
  }

  @Test
  void testSetHasTenThousandBalancedImages() {
    Uint8Dataset test = Datasets.open(new DatasetConfig(DatasetKind.FASHION_MNIST, DIR, Split.TEST, 28, 1));
    assertEquals(10000, test.size());
    int[] thousand = new int[10];
    Arrays.fill(thousand, 1000);
    assertArrayEquals(thousand, test.labels().orElseThrow().counts());
    assertEquals(DIR.resolve("t10k-images-idx3-ubyte.gz"), test.source());
  }

  @Test
  void rawFilesReadLikeGzipFiles(@TempDir Path tmp) throws IOException {
    Path images = Files.write(tmp.resolve("t10k-images-idx3-ubyte"), gunzip(DIR.resolve("t10k-images-idx3-ubyte.gz")));
    Files.write(tmp.resolve("t10k-labels-idx1-ubyte"), gunzip(DIR.resolve("t10k-labels-idx1-ubyte.gz")));
    Uint8Dataset fromRaw = IdxReader.open(images, Split.TRAIN); // a file: the split does not apply
    Uint8Dataset fromGzip = IdxReader.open(DIR, Split.TEST);
    assertEquals(fromGzip.images(), fromRaw.images());
    assertArrayEquals(fromGzip.labels().orElseThrow().values(), fromRaw.labels().orElseThrow().values());
  }
}
