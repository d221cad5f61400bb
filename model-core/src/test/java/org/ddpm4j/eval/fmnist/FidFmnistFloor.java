package org.ddpm4j.eval.fmnist;

import java.nio.file.Path;
import java.util.Locale;
import org.ddpm4j.eval.FeatureStatistics;
import org.ddpm4j.eval.FrechetDistance;
import org.ddpm4j.eval.MeanCovariance;
import org.ddpm4j.train.data.Split;
import org.ddpm4j.train.data.Uint8Dataset;

/**
 * Prints the FID-FMNIST floor for {@code docs/QUALITY.md}: the distance between the Fashion-MNIST training and test
 * sets in the shipped classifier's feature space (all 60000 training images, and the first 10000, the sample count of
 * the quality table), with pytorch-fid's Frechet distance. Run by hand (about 70000 forward passes):
 * {@code java -cp <test classpath> org.ddpm4j.eval.fmnist.FidFmnistFloor [classifier folder]}, with the system
 * properties of {@link FashionMnistFixture} for other folders.
 */
public final class FidFmnistFloor {
  private static final int CHUNK = 1000;

  private FidFmnistFloor() {}

  /** Computes and prints the floor. */
  public static void main(String[] args) {
    Path folder = args.length > 0 ? Path.of(args[0]) : FashionMnistFixture.SHIPPED;
    long start = System.nanoTime();
    try (FmnistClassifier classifier = FmnistClassifier.load(folder)) {
      Uint8Dataset train = FashionMnistFixture.open(Split.TRAIN);
      Uint8Dataset test = FashionMnistFixture.open(Split.TEST);
      MeanCovariance testStats = statistics(classifier, test, 0, test.size()).toMeanCovariance();
      FeatureStatistics trainStats = statistics(classifier, train, 0, 10000);
      double first10k = distance(trainStats.toMeanCovariance(), testStats);
      trainStats.merge(statistics(classifier, train, 10000, train.size()));
      double all = distance(trainStats.toMeanCovariance(), testStats);
      System.out.println("extractor " + classifier.id());
      System.out.printf(Locale.ROOT, "FID-FMNIST(train 60000, test 10000) = %.4f%n", all);
      System.out.printf(Locale.ROOT, "FID-FMNIST(train first 10000, test 10000) = %.4f%n", first10k);
      System.out.printf(Locale.ROOT, "test accuracy %.4f, %.0f s%n", classifier.accuracy(test, test.size()),
          (System.nanoTime() - start) / 1e9);
    }
  }

  private static FeatureStatistics statistics(FmnistClassifier classifier, Uint8Dataset data, int from, int to) {
    FeatureStatistics stats = new FeatureStatistics(classifier.featureDim());
    for (int i = from; i < to; i += CHUNK) {
      stats.add(classifier.features(FashionMnistFixture.batch(data, i, Math.min(to, i + CHUNK))));
    }
    return stats;
  }

  private static double distance(MeanCovariance a, MeanCovariance b) {
    return FrechetDistance.compute(a, b, FrechetDistance.Settings.defaults()).value();
  }
}
