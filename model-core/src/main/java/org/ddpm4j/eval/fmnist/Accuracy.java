package org.ddpm4j.eval.fmnist;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.ddpm4j.train.data.Labels;
import org.ddpm4j.train.data.Uint8Dataset;

/** Test-set accuracy of a network: the fraction of images whose largest logit is at their label. */
final class Accuracy {
  private Accuracy() {}

  /**
   * The accuracy on the first {@code limit} images of a dataset (all of them when it has fewer).
   *
   * @throws IllegalArgumentException naming the dataset when it has no labels, or when {@code limit < 1}
   */
  static double measure(ClassifierNetwork network, Uint8Dataset dataset, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("accuracy needs at least 1 image, got limit " + limit);
    }
    Labels labels = dataset.labels()
        .orElseThrow(() -> new IllegalArgumentException(dataset.source() + ": dataset has no labels"));
    int n = Math.min(limit, dataset.size());
    int correct = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int from = 0; from < n; from += ClassifierNetwork.INFERENCE_BATCH) {
        int to = Math.min(n, from + ClassifierNetwork.INFERENCE_BATCH);
        try (NDManager batch = manager.newSubManager()) {
          NDArray images = ImageBatches.range(batch, dataset.images(), from, to);
          int[] predicted =
              network.infer(images, a -> a.logits().argMax(1)).toType(DataType.INT32, false).toIntArray();
          for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == labels.get(from + i)) {
              correct++;
            }
          }
        }
      }
    }
    return correct / (double) n;
  }
}
