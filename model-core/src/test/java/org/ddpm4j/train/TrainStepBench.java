package org.ddpm4j.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ddpm4j.pipeline.DefaultScheduler;
import org.ddpm4j.schedule.SimpleLoss;
import org.ddpm4j.train.data.DatasetConfig;
import org.ddpm4j.train.data.DatasetKind;
import org.ddpm4j.train.data.Datasets;
import org.ddpm4j.train.data.Split;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.unet.UNet2DModel;
import org.ddpm4j.unet.UNetConfig;

/**
 * Training steps/s of {@link Trainer#trainStep} on Fashion-MNIST, for {@code bench/train-step/run.sh}, and the
 * share of the forward and backward passes in a step.
 *
 * <p>Usage: {@code TrainStepBench CONFIG_JSON FASHION_MNIST_DIR BATCH WARMUP_STEPS MEASURE_STEPS}; prints one JSON
 * line. Threads come from {@code -Dai.djl.pytorch.num_threads}.
 */
public final class TrainStepBench {
  private TrainStepBench() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    Path configFile = Path.of(args[0]);
    Path data = Path.of(args[1]);
    int batch = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    int measure = Integer.parseInt(args[4]);
    UNetConfig config = UNetConfig.fromJson(ModelFolder.readJson(configFile), configFile.toString());
    Path tmp = Files.createTempDirectory("train-step-bench");
    Path init = tmp.resolve("init");
    try (UNet2DModel m = UNet2DModel.create(config, 0)) {
      m.save(init, DefaultScheduler.json());
    }
    DatasetConfig dataset = new DatasetConfig(DatasetKind.FASHION_MNIST, data, Split.TRAIN,
        config.sampleSize().get(0), config.inChannels());
    TrainConfig tc = new TrainConfig(warmup + measure, batch, 0, AdamConfig.DEFAULT, 0, 1.0, EmaConfig.DEFAULT, 0, 1,
        0, 1, 1, false);
    try (Trainer trainer = new Trainer(tmp.resolve("run"), UNet2DModel.load(init), DefaultScheduler.json(), tc,
        dataset, Datasets.open(dataset))) {
      for (int i = 0; i < warmup; i++) {
        trainer.trainStep();
      }
      long start = System.nanoTime();
      for (int i = 0; i < measure; i++) {
        trainer.trainStep();
      }
      double step = (System.nanoTime() - start) / 1e9 / measure;
      double[] passes = passes(trainer.model(), batch, measure);
      System.out.printf(Locale.ROOT, "{\"impl\": \"ddpm4j\", \"threads\": %d, \"batch\": %d, \"steps\": %d, "
          + "\"seconds_per_step\": %.4f, \"steps_per_s\": %.4f, \"forward_s\": %.4f, \"forward_backward_s\": %.4f, "
          + "\"parameters\": %d}%n", JniUtils.getNumThreads(), batch, measure, step, 1 / step, passes[0], passes[1],
          trainer.model().parameterCount());
    }
  }

  /** Mean seconds of a training-mode forward pass, and of forward + backward, on random input. */
  private static double[] passes(UNet2DModel model, int batch, int n) {
    int size = model.config().sampleSize().get(0);
    double forward = 0;
    double both = 0;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomNormal(new Shape(batch, model.config().inChannels(), size, size));
      NDArray t = m.full(new Shape(batch), 500, DataType.INT64);
      for (int i = 0; i < n; i++) {
        try (NDManager sub = m.newSubManager(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
          x.tempAttach(sub);
          long s0 = System.nanoTime();
          NDArray eps = model.forward(x, t, true);
          long s1 = System.nanoTime();
          c.backward(SimpleLoss.of(x, eps));
          long s2 = System.nanoTime();
          forward += (s1 - s0) / 1e9;
          both += (s2 - s0) / 1e9;
        }
        model.parameters().values().forEach(p -> JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) p));
      }
    }
    return new double[] {forward / n, both / n};
  }
}
