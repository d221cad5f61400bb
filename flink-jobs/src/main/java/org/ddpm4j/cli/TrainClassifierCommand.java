package org.ddpm4j.cli;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ddpm4j.eval.fmnist.ClassifierConfig;
import org.ddpm4j.eval.fmnist.ClassifierTrainer;
import org.ddpm4j.eval.fmnist.ClassifierTrainingConfig;
import org.ddpm4j.eval.fmnist.EpochReport;
import org.ddpm4j.eval.fmnist.TrainingNotes;
import org.ddpm4j.io.AtomicFiles;
import org.ddpm4j.train.data.DatasetConfig;
import org.ddpm4j.train.data.DatasetKind;
import org.ddpm4j.train.data.Datasets;
import org.ddpm4j.train.data.Split;
import org.ddpm4j.train.data.Uint8Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ddpm4j train-classifier}: trains the Fashion-MNIST classifier whose features give FID-FMNIST and writes its
 * folder ({@code config.json}, {@code model.safetensors}, {@code TRAINING.md}).
 */
@Command(
    name = "train-classifier",
    mixinStandardHelpOptions = true,
    description = "Trains the Fashion-MNIST classifier whose penultimate-layer features give FID-FMNIST.")
public final class TrainClassifierCommand implements Callable<Integer> {
  private static final ClassifierTrainingConfig DEFAULT = ClassifierTrainingConfig.DEFAULT;

  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, description = "Folder with the Fashion-MNIST IDX files (train-*, t10k-*).")
  Path data;

  @Option(names = "--out", required = true, description = "Classifier folder to write.")
  Path out;

  @Option(names = "--epochs", description = "Passes over the training set (default 5).")
  Integer epochs;

  @Option(names = "--batch-size", description = "Images per step (default 128).")
  Integer batchSize;

  @Option(names = "--lr", description = "Initial Adam learning rate, decaying to 0 along a cosine (default 1e-3).")
  Double lr;

  @Option(names = "--seed", description = "Seed of the initial weights and the batch order (default 0).")
  Long seed;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    ClassifierTrainingConfig config = new ClassifierTrainingConfig(
        epochs != null ? epochs : DEFAULT.epochs(),
        batchSize != null ? batchSize : DEFAULT.batchSize(),
        lr != null ? lr : DEFAULT.lr(),
        seed != null ? seed : DEFAULT.seed());
    ClassifierConfig model = ClassifierConfig.DEFAULT;
    String machine = machine();
    Uint8Dataset train = open(Split.TRAIN, model);
    Uint8Dataset test = open(Split.TEST, model);
    var stdout = spec.commandLine().getOut();
    List<EpochReport> reports = new ClassifierTrainer(model, config).train(train, test, out, r -> {
      stdout.printf(Locale.ROOT, "epoch %d: steps %d, train loss %.4f, test accuracy %.4f, %.0f s%n",
          r.epoch(), r.steps(), r.trainLoss(), r.testAccuracy(), r.seconds());
      stdout.flush();
    });
    String command = "ddpm4j " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    TrainingNotes notes = new TrainingNotes(command, model, config, reports, (System.nanoTime() - start) / 1e9, machine);
    AtomicFiles.write(out.resolve("TRAINING.md"), notes.toMarkdown().getBytes(StandardCharsets.UTF_8));
    stdout.println("wrote " + out);
    return 0;
  }

  private Uint8Dataset open(Split split, ClassifierConfig model) {
    return Datasets.open(
        new DatasetConfig(DatasetKind.FASHION_MNIST, data, split, model.imageSize(), model.inChannels()));
  }

  /** OS, cores, Java version and the load average when training started (the machine may be shared). */
  private static String machine() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return String.format(Locale.ROOT, "%s %s, %d cores, Java %s, torch threads %s, load average %.1f at start",
        System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), System.getProperty("ai.djl.pytorch.num_threads", "default"),
        os.getSystemLoadAverage());
  }
}
