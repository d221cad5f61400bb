package org.ddpm4j.eval.fmnist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ddpm4j.eval.ImageBatch;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.train.data.DatasetConfig;
import org.ddpm4j.train.data.DatasetKind;
import org.ddpm4j.train.data.Datasets;
import org.ddpm4j.train.data.Labels;
import org.ddpm4j.train.data.Split;
import org.ddpm4j.train.data.Uint8Dataset;

/**
 * The real Fashion-MNIST files of Debian's {@code dataset-fashion-mnist} (folder overridable with the system property
 * {@code fashion.mnist.dir}) and the shipped classifier folder (system property {@code fmnist.classifier.dir},
 * default {@code ../models/fmnist-classifier} from the module folder where surefire runs).
 */
final class FashionMnistFixture {
  static final Path DATA = Path.of(System.getProperty("fashion.mnist.dir", "/usr/share/datasets/fashion-mnist"));
  static final Path SHIPPED = Path.of(System.getProperty("fmnist.classifier.dir", "../models/fmnist-classifier"));

  private FashionMnistFixture() {}

  /** One split of the dataset; fails with a hint when the Debian package is not installed. */
  static Uint8Dataset open(Split split) {
    assertTrue(Files.isDirectory(DATA),
        DATA + " missing: install the Debian package dataset-fashion-mnist (apt-get install -y dataset-fashion-mnist)");
    return Datasets.open(new DatasetConfig(DatasetKind.FASHION_MNIST, DATA, split, 28, 1));
  }

  /** Images {@code from .. to - 1} of a gray dataset as an extractor batch (one channel: NHWC bytes are NCHW). */
  static ImageBatch batch(Uint8Dataset d, int from, int to) {
    int size = d.images().sampleSize();
    return new ImageBatch(to - from, 1, d.height(), d.width(),
        Arrays.copyOfRange(d.images().nhwc(), from * size, to * size));
  }

  /** The first {@code n} images and labels of a dataset. */
  static Uint8Dataset head(Uint8Dataset d, int n) {
    Uint8Images im = d.images();
    Uint8Images images = new Uint8Images(
        n, im.height(), im.width(), im.channels(), Arrays.copyOf(im.nhwc(), n * im.sampleSize()));
    Labels labels = d.labels().orElseThrow();
    return new Uint8Dataset(images, new Labels(Arrays.copyOf(labels.values(), n), labels.classes()), d.source());
  }
}
