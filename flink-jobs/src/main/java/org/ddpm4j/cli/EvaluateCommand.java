package org.ddpm4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ddpm4j.flink.evaluate.EvaluateSettings;
import org.ddpm4j.flink.evaluate.Evaluation;
import org.ddpm4j.flink.fid.FidJobSettings;
import org.ddpm4j.flink.sample.OutputFormat;
import org.ddpm4j.flink.sample.SampleJobSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ddpm4j evaluate}: {@code bulk-sample} then {@code fid} on its samples in one command, on an embedded
 * MiniCluster, with one report ({@code report.json} and a self-contained {@code report.html}).
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Generates n samples of a diffusers model folder as a Flink batch job (OUT/samples/*.png, OUT/manifest.json), "
          + "scores them against a reference with a second job (FID, or FID-FMNIST with --extractor fmnist; KID; IS) "
          + "and writes OUT/report.json (the fid report plus the sampling manifest) and OUT/report.html (metrics, "
          + "a grid of the first 64 samples, the settings).",
      "The reference is a dataset split KIND:PATH[:train|test] (fashion-mnist, mnist, cifar10), a folder of PNGs or "
          + "npz shards, or a statistics .npz (mu, sigma; then KID is omitted). The network, the reference and the "
          + "model's image size are checked before sampling."
    })
public final class EvaluateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin SamplingOptions sampling;

  @CommandLine.Mixin ScoringOptions scoring;

  @Option(names = "--parallelism", defaultValue = "1",
      description = "Flink subtasks of both jobs (default: ${DEFAULT-VALUE})")
  int parallelism;

  @Option(names = "--fid-batch-size", defaultValue = "" + FidJobSettings.DEFAULT_BATCH_SIZE,
      description = "images per forward pass of the feature network (default: ${DEFAULT-VALUE})")
  int fidBatchSize;

  @Option(names = "--kid-seed", defaultValue = "0",
      description = "seed of the KID subsets and the IS permutation (default: ${DEFAULT-VALUE})")
  long kidSeed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (new or empty)")
  Path out;

  @Option(names = "--max-restarts", defaultValue = "" + SampleJobSettings.DEFAULT_MAX_RESTARTS,
      description = "restarts of failed tasks before a job fails (default: ${DEFAULT-VALUE})")
  int maxRestarts;

  @Override
  public Integer call() {
    EvaluateSettings settings = new EvaluateSettings(
        new SampleJobSettings(sampling.count, sampling.batchSize, parallelism, out, OutputFormat.PNG, false,
            maxRestarts),
        scoring.reference, fidBatchSize, scoring.kidSubsets, scoring.kidSubsetSize, kidSeed);
    Evaluation.Result result = Evaluation.run(settings, sampling.generator(), scoring.network());
    spec.commandLine().getOut().println("evaluate: " + result.scoring().summary() + "; sampling "
        + result.sampling().summary() + " -> " + out.resolve(EvaluateSettings.REPORT_HTML));
    return 0;
  }
}
