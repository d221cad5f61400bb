package org.ddpm4j.eval.fmnist;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.function.Function;
import org.ddpm4j.eval.FeatureExtractor;
import org.ddpm4j.eval.FeatureMatrix;
import org.ddpm4j.eval.ImageBatch;
import org.ddpm4j.io.CheckpointException;
import org.ddpm4j.io.SafeTensors;
import org.ddpm4j.train.data.Uint8Dataset;

/**
 * The project's Fashion-MNIST classifier as a feature extractor: its penultimate-layer activations (after ReLU) are
 * the features of "FID-FMNIST", a Frechet distance that is never to be reported as FID, and its softmax output gives
 * class probabilities. Input: uint8 images [N, 1, 28, 28], scaled exactly as in training. Inference runs with
 * gradient recording off, in batches of at most {@value ClassifierNetwork#INFERENCE_BATCH} images, each batch's
 * arrays in their own sub-manager. {@link #features} and {@link #probabilities} may be called from several threads.
 */
public final class FmnistClassifier implements FeatureExtractor {
  /** The prefix of every {@link #id()}. */
  public static final String ID_PREFIX = "ddpm4j-fmnist-classifier@sha256:";

  private final ClassifierNetwork network;
  private final String weightsSha256;
  private final NDManager manager;

  private FmnistClassifier(ClassifierNetwork network, String weightsSha256, NDManager manager) {
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

  /** {@value #ID_PREFIX} followed by the SHA-256 of the weights file. */
  @Override
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

  /** The width of the penultimate layer ({@link ClassifierConfig#featureDim()}). */
  @Override
  public int featureDim() {
    return network.config().featureDim();
  }

  /**
   * The penultimate-layer features, one row of {@link #featureDim()} values per image.
   *
   * @throws IllegalArgumentException naming the shape when the images are not [N, 1, 28, 28]
   * @throws IllegalStateException naming the image and feature when a feature is not finite
   */
  @Override
  public FeatureMatrix features(ImageBatch images) {
    return rows(images, ClassifierNetwork.Activations::features, featureDim(), "features");
  }

  /** Always true: the classifier's head gives probabilities over its classes. */
  @Override
  public boolean hasProbabilities() {
    return true;
  }

  /**
   * The class probabilities (softmax of the logits), one row of {@link ClassifierConfig#classes()} values per image.
   *
   * @throws IllegalArgumentException naming the shape when the images are not [N, 1, 28, 28]
   */
  @Override
  public FeatureMatrix probabilities(ImageBatch images) {
    return rows(images, a -> a.logits().softmax(1), network.config().classes(), "probabilities");
  }

  /**
   * The fraction of the first {@code limit} images of a labelled dataset that the classifier assigns their label.
   *
   * @throws IllegalArgumentException naming the dataset when it has no labels or another image size
   */
  public double accuracy(Uint8Dataset dataset, int limit) {
    return Accuracy.measure(network, dataset, limit);
  }

  private FeatureMatrix rows(ImageBatch images, Function<ClassifierNetwork.Activations, NDArray> pick, int dim,
      String what) {
    network.checkShape(images.channels(), images.height(), images.width());
    int n = images.count();
    float[] out = new float[n * dim];
    for (int from = 0; from < n; from += ClassifierNetwork.INFERENCE_BATCH) {
      int to = Math.min(n, from + ClassifierNetwork.INFERENCE_BATCH);
      try (NDManager batch = manager.newSubManager()) {
        float[] rows = network.infer(ImageBatches.range(batch, images, from, to), pick).toFloatArray();
        System.arraycopy(rows, 0, out, from * dim, rows.length);
      }
    }
    FeatureMatrix result = new FeatureMatrix(n, dim, out);
    try {
      result.requireFinite(id() + " " + what);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return result;
  }

  /** Frees the weights. */
  @Override
  public void close() {
    network.close();
    manager.close();
  }
}
