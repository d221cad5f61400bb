package org.ddpm4j.flink.fid;

import java.io.Serializable;
import java.nio.file.Path;
import org.ddpm4j.eval.FeatureExtractor;

/**
 * Makes the feature network: once on the client to check it ({@link #inspect()}), then once per subtask
 * ({@link #open()}). Serializable: it is shipped to the subtasks and must hold only settings (paths), never the
 * network.
 */
public interface ExtractorFactory extends Serializable {

  /** Loads the network; the caller closes it. */
  FeatureExtractor open();

  /** Loads the network once to describe it (and to fail early on a bad file). */
  ExtractorInfo inspect();

  /**
   * The factory of a named extractor.
   *
   * @param kind {@code fmnist} (the project's Fashion-MNIST classifier folder: FID-FMNIST) or {@code inception}
   *     (the TorchScript {@code inception-2015-12-05.pt}: FID)
   * @param file the classifier folder or the TorchScript file
   * @throws IllegalArgumentException for another kind
   */
  static ExtractorFactory of(String kind, Path file) {
    return switch (kind) {
      case FmnistExtractor.KIND -> new FmnistExtractor(file.toString());
      case InceptionExtractor.KIND -> new InceptionExtractor(file.toString());
      default -> throw new IllegalArgumentException("--extractor: unknown extractor '" + kind + "' (known: "
          + FmnistExtractor.KIND + ", " + InceptionExtractor.KIND + ")");
    };
  }
}
