package org.ddpm4j.eval.fmnist;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.ddpm4j.io.CheckpointException;
import org.ddpm4j.io.SafeTensors;
import org.ddpm4j.train.data.Uint8Dataset;

/**
 * The project's Fashion-MNIST classifier as a feature extractor: its penultimate-layer activations (after ReLU) are
 * the features of "FID-FMNIST", a Frechet distance that is never to be reported as FID, and its softmax output gives
 * class probabilities. Input: uint8 images [N, 1, 28, 28] (values 0..255), scaled exactly as in training. Inference
 * runs with gradient recording off, each batch's temporaries in their own sub-manager.
 *
 * <p>Not thread-safe for {@link #close()}; {@link #features} and {@link #probabilities} may run concurrently.
 */
public final class FmnistClassifier implements AutoCloseable {
  /** The prefix of every {@link #id()}. */
  public static final String ID_PREFIX = "ddpm4j-fmnist-classifier@sha256:";

  private final ClassifierNetwork network;
  private final String weightsSha256;
  private final NDManager manager;

  FmnistClassifier(ClassifierNetwork network, String weightsSha256, NDManager manager) {
    this.network = network;
    this.weightsSha256 = weightsSha256;
    this.manager = manager;
  }

  /**
   * Loads a classifier folder ({@code config.json} and {@code model.safetensors}, as {@code ddpm4j train-classifier}
   * writes it).
   *
   * @throws CheckpointException naming the folder, file and key when the folder or a file is missing, the config is
   *     invalid, or a weight is missing, unexpected, misshapen, not F32 or not finite
   */
  public static FmnistClassifier load(Path dir) {
    ClassifierConfig config = ClassifierFolder.config(dir);
    SafeTensors weights = ClassifierFolder.weights(dir);
    String sha = ClassifierFolder.sha256(weights.file());
    NDManager manager = NDManager.newBaseManager();
    try {
      return new FmnistClassifier(ClassifierNetwork.loaded(config, manager, weights), sha, manager);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** The extractor's identity: {@value #ID_PREFIX} followed by the SHA-256 of the weights file. */
  public String id() {
    return ID_PREFIX + weightsSha256;
  }

  /** The lowercase hex SHA-256 of {@code model.safetensors}. */
  public String weightsSha256() {
    return weightsSha256;
  }

  /** The network's shape. */
  public ClassifierConfig config() {
    return network.config();
  }

  /** The number of features per image ({@link ClassifierConfig#featureDim()}). */
  public int featureDim() {
    return network.config().featureDim();
  }

  /**
   * The penultimate-layer features of a batch.
   *
   * @param images uint8 [N, 1, 28, 28]
   * @return float32 [N, featureDim], owned by the images' manager
   * @throws IllegalArgumentException naming the shape or dtype when the images do not fit the classifier
   */
  public NDArray features(NDArray images) {
    return network.infer(images, ClassifierNetwork.Activations::features);
  }

  /**
   * The class probabilities (softmax of the logits) of a batch.
   *
   * @param images uint8 [N, 1, 28, 28]
   * @return float32 [N, classes], owned by the images' manager
   * @throws IllegalArgumentException naming the shape or dtype when the images do not fit the classifier
   */
  public NDArray probabilities(NDArray images) {
    return network.infer(images, a -> a.logits().softmax(1));
  }

  /**
   * The fraction of the first {@code limit} images of a labelled dataset that the classifier assigns their label.
   *
   * @throws IllegalArgumentException naming the dataset when it has no labels or another image size
   */
  public double accuracy(Uint8Dataset dataset, int limit) {
    return Accuracy.measure(network, dataset, limit);
  }

  /** Frees the weights. */
  @Override
  public void close() {
    network.close();
    manager.close();
  }
}
