package org.ddpm4j.eval.fmnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.ddpm4j.eval.FeatureMatrix;
import org.ddpm4j.eval.ImageBatch;
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
    ImageBatch images = FashionMnistFixture.batch(test, 0, 16);
    FeatureMatrix f = classifier.features(images);
    assertEquals(256, classifier.featureDim());
    assertEquals(16, f.rows());
    assertEquals(256, f.dim());
    int positive = 0;
    for (float v : f.values()) {
      assertTrue(Float.isFinite(v) && v >= 0, "features are ReLU outputs: " + v);
      positive += v > 0 ? 1 : 0;
    }
    assertTrue(positive > f.values().length / 10, "only " + positive + " of " + f.values().length + " are non-zero");
    assertTrue(classifier.hasProbabilities());
    FeatureMatrix p = classifier.probabilities(images);
    assertEquals(10, p.dim());
    for (int i = 0; i < 16; i++) {
      double sum = 0;
      for (int c = 0; c < 10; c++) {
        sum += p.get(i, c);
      }
      assertEquals(1.0, sum, 1e-5, "image " + i);
    }
  }

  @Test
  void oneImageAtATimeGivesTheFeaturesOfABatchOf16() {
    FeatureMatrix batch = classifier.features(FashionMnistFixture.batch(test, 100, 116));
    for (int i = 0; i < 16; i++) {
      FeatureMatrix one = classifier.features(FashionMnistFixture.batch(test, 100 + i, 101 + i));
      for (int j = 0; j < 256; j++) {
        assertEquals(batch.get(i, j), one.get(0, j), 1e-5, "image " + (100 + i) + ", feature " + j);
      }
    }
  }

  @Test
  void batchesLargerThanOneForwardPassAreSplitWithoutChangingTheRows() {
    int n = ClassifierNetwork.INFERENCE_BATCH + 3;
    FeatureMatrix all = classifier.features(FashionMnistFixture.batch(test, 0, n));
    FeatureMatrix tail = classifier.features(FashionMnistFixture.batch(test, n - 3, n));
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 256; j++) {
        assertEquals(tail.get(i, j), all.get(n - 3 + i, j), 1e-5);
      }
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
  void rejectsImagesOfAnotherShape() {
    ImageBatch rgb = new ImageBatch(2, 3, 28, 28, new byte[2 * 3 * 28 * 28]);
    var e = assertThrows(IllegalArgumentException.class, () -> classifier.features(rgb));
    assertTrue(e.getMessage().contains("[N, 1, 28, 28], got [N, 3, 28, 28]"), e.getMessage());
    ImageBatch small = new ImageBatch(1, 1, 32, 32, new byte[32 * 32]);
    e = assertThrows(IllegalArgumentException.class, () -> classifier.probabilities(small));
    assertTrue(e.getMessage().contains("got [N, 1, 32, 32]"), e.getMessage());
  }
}
