package org.ddpm4j.flink.fid;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ddpm4j.eval.FeatureStatistics;
import org.ddpm4j.eval.ImageBatch;
import org.ddpm4j.eval.fmnist.FmnistClassifier;
import org.ddpm4j.image.PngWriter;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.train.data.DatasetConfig;
import org.ddpm4j.train.data.DatasetKind;
import org.ddpm4j.train.data.Datasets;
import org.ddpm4j.train.data.Split;

/**
 * The real Fashion-MNIST test set of Debian's {@code dataset-fashion-mnist} (folder overridable with the system
 * property {@code fashion.mnist.dir}) and the shipped classifier ({@code models/fmnist-classifier} of the project root, seen
 * from the module folder where surefire runs; system property {@code fmnist.classifier.dir}).
 */
final class FmnistFixture {
  static final Path DATA = Path.of(System.getProperty("fashion.mnist.dir", "/usr/share/datasets/fashion-mnist"));
  static final Path CLASSIFIER = Path.of(System.getProperty("fmnist.classifier.dir", "../models/fmnist-classifier"));

  private FmnistFixture() {}

  /** The Fashion-MNIST test images; fails with a hint when the Debian package is not installed. */
  static Uint8Images testImages() {
    assertTrue(Files.isDirectory(DATA),
        DATA + " missing: install the Debian package dataset-fashion-mnist (apt-get install -y dataset-fashion-mnist)");
    return Datasets.open(new DatasetConfig(DatasetKind.FASHION_MNIST, DATA, Split.TEST, 28, 1)).images();
  }

  /** The {@code --samples}/{@code --reference} form of the test split. */
  static String testSplit() {
    return "fashion-mnist:" + DATA + ":test";
  }

  /** Writes test images {@code from .. from + n - 1} as gray PNGs 000.png, 001.png, ... into {@code dir}. */
  static Path pngs(Path dir, int from, int n) {
    Uint8Images all = testImages();
    for (int i = 0; i < n; i++) {
      PngWriter.write(all, from + i, dir.resolve(String.format("%03d.png", i)));
    }
    return dir;
  }

  /** Test images {@code from .. from + n - 1} as a [n, 1, 28, 28] batch. */
  static ImageBatch batch(int from, int n) {
    Uint8Images all = testImages();
    int size = all.sampleSize();
    return new ImageBatch(n, 1, 28, 28, Arrays.copyOfRange(all.nhwc(), from * size, (from + n) * size));
  }

  /** The classifier's feature statistics of a batch, computed in-process in one pass. */
  static FeatureStatistics statistics(ImageBatch images) {
    try (FmnistClassifier c = FmnistClassifier.load(CLASSIFIER)) {
      return new FeatureStatistics(c.featureDim()).add(c.features(images));
    }
  }
}
