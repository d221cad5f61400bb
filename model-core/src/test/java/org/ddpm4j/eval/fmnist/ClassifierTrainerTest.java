package org.ddpm4j.eval.fmnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.train.data.Split;
import org.ddpm4j.train.data.Uint8Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short training runs of a small network on a subset of the real Fashion-MNIST. */
class ClassifierTrainerTest {
  static final ClassifierConfig SMALL = new ClassifierConfig(28, 1, 8, 16, 32, 10);

  static Uint8Dataset train;
  static Uint8Dataset test;

  @TempDir Path dir;

  @BeforeAll
  static void open() {
    train = FashionMnistFixture.head(FashionMnistFixture.open(Split.TRAIN), 3200);
    test = FashionMnistFixture.head(FashionMnistFixture.open(Split.TEST), 1000);
  }

  @Test
  void twoHundredStepsRaiseAccuracyFarAboveChance() {
    List<EpochReport> seen = new ArrayList<>();
    List<EpochReport> reports = new ClassifierTrainer(SMALL, new ClassifierTrainingConfig(2, 32, 2e-3, 1))
        .train(train, test, dir, seen::add);
    assertEquals(reports, seen);
    assertEquals(List.of(100L, 200L), reports.stream().map(EpochReport::steps).toList());
    EpochReport first = reports.get(0);
    EpochReport last = reports.get(1);
    assertTrue(first.trainLoss() < 2.4, "the first epoch's mean loss starts near ln 10 = 2.30 and falls: " + first);
    assertTrue(last.trainLoss() < first.trainLoss() - 0.2, "loss falls: " + reports);
    assertTrue(last.testAccuracy() > 0.6, "chance is 0.10: " + reports);
    try (FmnistClassifier written = FmnistClassifier.load(dir)) {
      assertEquals(SMALL, written.config());
      assertEquals(last.testAccuracy(), written.accuracy(test, test.size()));
    }
  }

  @Test
  void theSameSeedGivesTheSameWeights() throws IOException {
    Uint8Dataset few = FashionMnistFixture.head(train, 320);
    ClassifierTrainingConfig config = new ClassifierTrainingConfig(1, 32, 1e-3, 5);
    new ClassifierTrainer(SMALL, config).train(few, few, dir.resolve("a"), r -> {});
    new ClassifierTrainer(SMALL, config).train(few, few, dir.resolve("b"), r -> {});
    new ClassifierTrainer(SMALL, new ClassifierTrainingConfig(1, 32, 1e-3, 6)).train(few, few, dir.resolve("c"), r -> {});
    byte[] a = Files.readAllBytes(dir.resolve("a/model.safetensors"));
    assertArrayEquals(a, Files.readAllBytes(dir.resolve("b/model.safetensors")));
    assertTrue(!java.util.Arrays.equals(a, Files.readAllBytes(dir.resolve("c/model.safetensors"))));
  }

  @Test
  void rejectsDatasetsWithoutLabelsOrOfAnotherSize() {
    Uint8Dataset unlabelled = new Uint8Dataset(train.images(), null, Path.of("unlabelled"));
    ClassifierTrainer trainer = new ClassifierTrainer(SMALL, new ClassifierTrainingConfig(1, 8, 1e-3, 0));
    var e = assertThrows(IllegalArgumentException.class, () -> trainer.train(unlabelled, test, dir, r -> {}));
    assertTrue(e.getMessage().contains("unlabelled: dataset has no labels"), e.getMessage());
    Uint8Dataset rgb = new Uint8Dataset(new Uint8Images(1, 28, 28, 3, new byte[28 * 28 * 3]), null, Path.of("rgb"));
    e = assertThrows(IllegalArgumentException.class, () -> trainer.train(train, rgb, dir, r -> {}));
    assertTrue(e.getMessage().contains("rgb: images are 28x28x3, the classifier takes 28x28x1"), e.getMessage());
  }
}
