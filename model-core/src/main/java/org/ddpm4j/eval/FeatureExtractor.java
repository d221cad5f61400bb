package org.ddpm4j.eval;

/**
 * A network that maps images to feature vectors (and, where it has a classifier head, to class probabilities).
 * Implementations own native resources: close them.
 */
public interface FeatureExtractor extends AutoCloseable {

  /** Identifies the network and its weights (e.g. including the SHA-256 of the weights file), for reports. */
  String id();

  /** Length of a feature vector. */
  int featureDim();

  /**
   * The feature vectors of a batch, one row per image.
   *
   * @throws IllegalArgumentException for images of a channel count or size the network does not take
   * @throws IllegalStateException when the network produces a non-finite feature
   */
  FeatureMatrix features(ImageBatch images);

  /** Whether {@link #probabilities(ImageBatch)} is available. */
  default boolean hasProbabilities() {
    return false;
  }

  /**
   * Class probabilities of a batch, one row per image (for the Inception Score).
   *
   * @throws UnsupportedOperationException when the network has no classifier head
   */
  default FeatureMatrix probabilities(ImageBatch images) {
    throw new UnsupportedOperationException(id() + " gives no class probabilities");
  }

  /** Releases the network. */
  @Override
  void close();
}
