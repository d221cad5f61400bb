package org.ddpm4j.eval.fmnist;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ddpm4j.train.data.Batch;
import org.ddpm4j.train.data.BatchConfig;
import org.ddpm4j.train.data.Batcher;
import org.ddpm4j.train.data.Labels;
import org.ddpm4j.train.data.Uint8Dataset;
import org.ddpm4j.unet.OwnedArrays;

/**
 * Trains the Fashion-MNIST classifier and writes it as a classifier folder: Adam on the mean cross-entropy, the
 * learning rate decaying from {@code lr} to 0 along a cosine over all steps. Reproducible: the initial weights come
 * from the seed, and the batch of step k (images and order) is a pure function of (seed, k) through
 * {@link Batcher}; with the same thread count, two runs give the same weights. After every epoch the folder is
 * rewritten (atomically) and the test accuracy measured, so an interrupted run leaves the last finished epoch.
 */
public final class ClassifierTrainer {
  private final ClassifierConfig model;
  private final ClassifierTrainingConfig config;

  /** A trainer of a network of the given shape with the given settings. */
  public ClassifierTrainer(ClassifierConfig model, ClassifierTrainingConfig config) {
    this.model = model;
    this.config = config;
  }

  /**
   * Trains on {@code train}, measures accuracy on {@code test} after each epoch, and writes the classifier folder
   * {@code out} after each epoch.
   *
   * @param progress receives the report of each epoch as it ends
   * @return the reports of all epochs
   * @throws IllegalArgumentException naming the dataset when it has no labels or images of another shape than the
   *     model's
   */
  public List<EpochReport> train(Uint8Dataset train, Uint8Dataset test, Path out, Consumer<EpochReport> progress) {
    Labels labels = checked(train);
    checked(test);
    long stepsPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("format", "pt");
    List<EpochReport> reports = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager();
        ClassifierNetwork network = ClassifierNetwork.initialized(model, manager, config.seed())) {
      Stepper stepper = new Stepper(network, train, labels, manager, stepsPerEpoch);
      boolean recording = JniUtils.isGradMode();
      JniUtils.setGradMode(false);
      try {
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
          long start = System.nanoTime();
          double lossSum = 0;
          for (long k = 0; k < stepsPerEpoch; k++) {
            lossSum += stepper.step();
          }
          metadata.put("epochs", Integer.toString(epoch));
          ClassifierFolder.write(out, network, metadata);
          double accuracy = Accuracy.measure(network, test, test.size());
          EpochReport report = new EpochReport(
              epoch, stepper.steps, lossSum / stepsPerEpoch, accuracy, (System.nanoTime() - start) / 1e9);
          reports.add(report);
          progress.accept(report);
        }
      } finally {
        JniUtils.setGradMode(recording);
      }
    }
    return reports;
  }

  /** Takes the optimizer steps of one run, in order. */
  private final class Stepper {
    private final ClassifierNetwork network;
    private final Uint8Dataset train;
    private final Labels labels;
    private final NDManager manager;
    private final Batcher batcher;
    private final Optimizer adam;
    private long steps;

    Stepper(ClassifierNetwork network, Uint8Dataset train, Labels labels, NDManager manager, long stepsPerEpoch) {
      this.network = network;
      this.train = train;
      this.labels = labels;
      this.manager = manager;
      this.batcher = new Batcher(train, new BatchConfig(config.batchSize(), config.seed(), false));
      Tracker cosine = CosineTracker.builder()
          .setBaseValue((float) config.lr())
          .optFinalValue(0f)
          .setMaxUpdates(Math.toIntExact(config.epochs() * stepsPerEpoch))
          .build();
      this.adam = Optimizer.adam().optLearningRateTracker(cosine).build();
      network.parameters().values().forEach(p -> p.setRequiresGradient(true));
    }

    /** One Adam step on the next batch; returns the batch's mean cross-entropy before the update. */
    double step() {
      Batch batch = batcher.plan(steps++);
      try (NDManager sub = manager.newSubManager()) {
        NDArray images = ImageBatches.gather(sub, train.images(), batch);
        int[] y = new int[batch.indices().length];
        for (int j = 0; j < y.length; j++) {
          y[j] = labels.get(batch.indices()[j]);
        }
        NDArray oneHot = sub.create(y).oneHot(model.classes());
        NDArray x = network.input(images);
        double loss;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray logits = network.forward(x).logits();
          NDArray nll = logits.logSoftmax(1).mul(oneHot).sum().div(OwnedArrays.scalar(sub, -y.length));
          collector.backward(nll);
          loss = nll.getFloat();
        }
        for (Map.Entry<String, NDArray> e : network.parameters().entrySet()) {
          try (NDArray grad = e.getValue().getGradient()) {
            adam.update(e.getKey(), e.getValue(), grad);
            grad.subi(grad);
          }
        }
        return loss;
      }
    }
  }

  /** The dataset's labels, after checking that its images fit the model. */
  private Labels checked(Uint8Dataset data) {
    if (data.channels() != model.inChannels() || data.height() != model.imageSize()
        || data.width() != model.imageSize()) {
      throw new IllegalArgumentException(data.source() + ": images are " + data.height() + "x" + data.width() + "x"
          + data.channels() + ", the classifier takes " + model.imageSize() + "x" + model.imageSize() + "x"
          + model.inChannels());
    }
    return data.labels()
        .orElseThrow(() -> new IllegalArgumentException(data.source() + ": dataset has no labels"));
  }
}
