package org.ddpm4j.eval.fmnist;

import java.util.List;
import java.util.Locale;

/**
 * The {@code TRAINING.md} of a classifier folder: how it was trained (the exact command, the settings, the machine)
 * and what each epoch reached.
 *
 * @param command the command line that trained it
 * @param model the network's shape
 * @param training the training settings
 * @param epochs the report of every epoch
 * @param wallSeconds the wall time of the whole run, data loading included
 * @param machine a description of the machine (OS, cores, Java, load)
 */
public record TrainingNotes(
    String command,
    ClassifierConfig model,
    ClassifierTrainingConfig training,
    List<EpochReport> epochs,
    double wallSeconds,
    String machine) {

  /** The notes as Markdown. */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Fashion-MNIST classifier for FID-FMNIST\n\n")
        .append("Features: the ").append(model.featureDim())
        .append("-d penultimate layer (after ReLU). Distances in this feature space are \"FID-FMNIST\", never FID.\n\n")
        .append("Trained with:\n\n```\n").append(command).append("\n```\n\n")
        .append("| setting | value |\n| --- | --- |\n")
        .append("| network | ").append(ClassifierConfig.ARCHITECTURE).append(": conv3x3 ")
        .append(model.conv1Channels()).append(" - pool - conv3x3 ").append(model.conv2Channels())
        .append(" - pool - fc ").append(model.featureDim()).append(" - fc ").append(model.classes()).append(" |\n")
        .append("| epochs | ").append(training.epochs()).append(" |\n")
        .append("| batch size | ").append(training.batchSize()).append(" |\n")
        .append("| optimizer | Adam, lr ").append(training.lr()).append(" decaying to 0 along a cosine |\n")
        .append("| seed | ").append(training.seed()).append(" |\n")
        .append("| wall time | ").append(format("%.0f s", wallSeconds)).append(" |\n")
        .append("| machine | ").append(machine).append(" |\n\n")
        .append("| epoch | steps | train loss | test accuracy (whole test set) | seconds |\n| --- | --- | --- | --- | --- |\n");
    for (EpochReport e : epochs) {
      sb.append("| ").append(e.epoch()).append(" | ").append(e.steps()).append(" | ")
          .append(format("%.4f", e.trainLoss())).append(" | ").append(format("%.4f", e.testAccuracy())).append(" | ")
          .append(format("%.0f", e.seconds())).append(" |\n");
    }
    return sb.toString();
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
