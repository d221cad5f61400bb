package org.ddpm4j.eval.fmnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.ddpm4j.train.data.Split;
import org.ddpm4j.train.data.Uint8Dataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped classifier ({@code models/fmnist-classifier}) on the real Fashion-MNIST test images. */
class FmnistClassifierTest {
  static FmnistClassifier classifier;
  static Uint8Dataset test;

  @BeforeAll
  static void load() {
    classifier = FmnistClassifier.load(FashionMnistFixture.SHIPPED);
    test = FashionMnistFixture.open(Split.TEST);
  }

  @AfterAll
  static void close() {
    classifier.close();
  }

  @Test
  void classifiesAtLeast90PercentOfTheFirst2000TestImages() {
    double accuracy = classifier.accuracy(test, 2000);
    assertTrue(accuracy >= 0.90, "accuracy on the first 2000 test images: " + accuracy);
  }

  @Test
  void featuresHaveTheConfiguredWidthAndAreFiniteAndProbabilitiesSumToOne() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray images = ImageBatches.range(m, test.images(), 0, 16);
      float[] f = classifier.features(images).toFloatArray();
      assertEquals(16 * 256, f.length);
      assertEquals(256, classifier.featureDim());
      int positive = 0;
      for (float v : f) {
        assertTrue(Float.isFinite(v) && v >= 0, "features are ReLU outputs: " + v);
        positive += v > 0 ? 1 : 0;
      }
      assertTrue(positive > f.length / 10, "only " + positive + " of " + f.length + " features are non-zero");
      NDArray p = classifier.probabilities(images);
      assertEquals(new Shape(16, 10), p.getShape());
      float[] sums = p.sum(new int[] {1}).toFloatArray();
      for (float s : sums) {
        assertEquals(1.0, s, 1e-5);
      }
    }
  }

  @Test
  void oneImageAtATimeGivesTheFeaturesOfABatchOf16() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] batch = classifier.features(ImageBatches.range(m, test.images(), 100, 116)).toFloatArray();
      for (int i = 0; i < 16; i++) {
        float[] one = classifier.features(ImageBatches.range(m, test.images(), 100 + i, 101 + i)).toFloatArray();
        for (int j = 0; j < 256; j++) {
          assertEquals(batch[i * 256 + j], one[j], 1e-5, "image " + (100 + i) + ", feature " + j);
        }
      }
    }
  }

  @Test
  void inferenceKeepsNoArraysBeyondItsResult() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray images = ImageBatches.range(m, test.images(), 0, 4);
      int before = m.getManagedArrays().size();
      classifier.features(images);
      assertEquals(before + 1, m.getManagedArrays().size());
    }
  }

  @Test
  void idIsThePrefixAndTheSha256OfTheWeightsFile() throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(FashionMnistFixture.SHIPPED.resolve("model.safetensors"))) {
      md.update(in.readAllBytes());
    }
    assertEquals("ddpm4j-fmnist-classifier@sha256:" + HexFormat.of().formatHex(md.digest()), classifier.id());
  }

  @Test
  void rejectsImagesOfAnotherShapeOrDtype() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray rgb = m.zeros(new Shape(2, 3, 28, 28), DataType.UINT8);
      var e = assertThrows(IllegalArgumentException.class, () -> classifier.features(rgb));
      assertTrue(e.getMessage().contains("[N, 1, 28, 28]") && e.getMessage().contains("(2, 3, 28, 28)"), e.getMessage());
      NDArray floats = m.zeros(new Shape(2, 1, 28, 28), DataType.FLOAT32);
      e = assertThrows(IllegalArgumentException.class, () -> classifier.probabilities(floats));
      assertTrue(e.getMessage().contains("uint8") && e.getMessage().contains("float32"), e.getMessage());
    }
  }
}
