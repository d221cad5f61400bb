package org.ddpm4j.flink.fid;

import java.nio.file.Path;
import org.ddpm4j.eval.fmnist.ClassifierConfig;
import org.ddpm4j.eval.fmnist.FmnistClassifier;

/**
 * The project's Fashion-MNIST classifier ({@code models/fmnist-classifier}): its penultimate-layer features give
 * FID-FMNIST, its softmax an IS-FMNIST.
 *
 * @param dir the classifier folder
 */
record FmnistExtractor(String dir) implements ExtractorFactory {
  /** The name on the command line. */
  static final String KIND = "fmnist";

  @Override
  public FmnistClassifier open() {
    return FmnistClassifier.load(Path.of(dir));
  }

  @Override
  public ExtractorInfo inspect() {
    try (FmnistClassifier c = open()) {
      ClassifierConfig config = c.config();
      return new ExtractorInfo(KIND, dir, c.id(), c.weightsSha256(), c.featureDim(), c.hasProbabilities(),
          "-FMNIST", config.inChannels(), config.imageSize());
    }
  }
}
