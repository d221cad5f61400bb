package org.ddpm4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ddpm4j.flink.fid.FidJob;
import org.ddpm4j.flink.fid.FidJobSettings;
import org.ddpm4j.flink.fid.FidResult;
import org.ddpm4j.flink.sample.SampleJobSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ddpm4j fid}: FID (FID-FMNIST with the Fashion-MNIST classifier), KID and IS of samples against a reference,
 * as a Flink batch job, on an embedded MiniCluster when run from the command line, on the cluster when the job jar is
 * submitted with this entry class ({@link #main}).
 */
@Command(
    name = "fid",
    mixinStandardHelpOptions = true,
    description = {
      "Scores samples against a reference as a Flink batch job: features in parallel subtasks, merged statistics, "
          + "then FID (FID-FMNIST with --extractor fmnist), KID and IS -> OUT/report.json.",
      "An input is a folder of PNGs or npz shards (or a bulk-sample output folder), a dataset split "
          + "KIND:PATH[:train|test] (fashion-mnist, mnist, cifar10), or a statistics .npz (mu, sigma; then KID and, "
          + "for the samples, IS are omitted)."
    })
public final class FidCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin ScoringOptions scoring;

  @Option(names = "--samples", required = true, paramLabel = "INPUT", description = "the generated images")
  String samples;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for report.json")
  Path out;

  @Option(names = "--parallelism", defaultValue = "1", description = "Flink subtasks (default: ${DEFAULT-VALUE})")
  int parallelism;

  @Option(names = "--batch-size", defaultValue = "" + FidJobSettings.DEFAULT_BATCH_SIZE,
      description = "images per forward pass (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Option(names = "--limit", defaultValue = "0",
      description = "use only the first N images of each image input; 0: all (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--seed", defaultValue = "0",
      description = "seed of the KID subsets and the IS permutation (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--save-stats", description = "also write the samples' mu/sigma to OUT/sample_stats.npz")
  boolean saveStats;

  @Option(names = "--max-restarts", defaultValue = "" + SampleJobSettings.DEFAULT_MAX_RESTARTS,
      description = "restarts of failed tasks before the job fails (default: ${DEFAULT-VALUE})")
  int maxRestarts;

  @Override
  public Integer call() {
    FidJobSettings settings = new FidJobSettings(samples, scoring.reference, out, parallelism, batchSize, limit,
        scoring.kidSubsets, scoring.kidSubsetSize, seed, saveStats, maxRestarts);
    FidResult result = FidJob.run(settings, scoring.network());
    spec.commandLine().getOut().println("fid: " + result.summary() + " -> " + settings.report());
    return 0;
  }

  /**
   * Entry class for {@code flink run} and application mode (the FID FlinkDeployment's {@code entryClass}), with the
   * same arguments as the command. It never calls {@code System.exit}: bad arguments and failures are thrown.
   */
  public static void main(String[] args) {
    CommandLine cl = new CommandLine(new FidCommand());
    if (!CommandLine.printHelpIfRequested(cl.parseArgs(args))) {
      cl.<FidCommand>getCommand().call();
    }
  }
}
