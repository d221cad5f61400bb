package org.ddpm4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ddpm4j.flink.evaluate.EvaluateSettings;
import org.ddpm4j.flink.evaluate.Evaluation;
import org.ddpm4j.flink.fid.ExtractorFactory;
import org.ddpm4j.flink.fid.FidJobSettings;
import org.ddpm4j.flink.sample.DiffusionGeneratorFactory;
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

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "diffusers model folder")
  Path model;

  @Option(names = "--n", required = true, description = "number of samples, at least 2")
  int count;

  @Option(names = "--seed", defaultValue = "0", description = "noise seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--sampler", defaultValue = "ddpm", description = "ddpm, ddim or dpmpp (default: ${DEFAULT-VALUE})")
  String sampler;

  @Option(names = "--steps", defaultValue = "1000", description = "inference steps (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--eta", defaultValue = "0", description = "DDIM eta in [0, 1] (default: ${DEFAULT-VALUE})")
  double eta;

  @Option(names = "--batch-size", defaultValue = "32",
      description = "samples per forward pass of the model (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Option(names = "--parallelism", defaultValue = "1",
      description = "Flink subtasks of both jobs (default: ${DEFAULT-VALUE})")
  int parallelism;

  @Option(names = "--threads-per-subtask", defaultValue = "1",
      description = "libtorch intra-op threads of each sampling subtask (default: ${DEFAULT-VALUE})")
  int threadsPerSubtask;

  @Option(names = "--reference", required = true, paramLabel = "INPUT",
      description = "the reference images or statistics")
  String reference;

  @Option(names = "--extractor", defaultValue = "fmnist",
      description = "fmnist (FID-FMNIST) or inception (FID) (default: ${DEFAULT-VALUE})")
  String extractor;

  @Option(names = "--extractor-file", required = true, paramLabel = "PATH",
      description = "the classifier folder (fmnist, e.g. models/fmnist-classifier) or inception-2015-12-05.pt")
  Path extractorFile;

  @Option(names = "--fid-batch-size", defaultValue = "" + FidJobSettings.DEFAULT_BATCH_SIZE,
      description = "images per forward pass of the feature network (default: ${DEFAULT-VALUE})")
  int fidBatchSize;

  @Option(names = "--kid-subsets", defaultValue = "100", description = "KID subsets (default: ${DEFAULT-VALUE})")
  int kidSubsets;

  @Option(names = "--kid-subset-size", defaultValue = "1000",
      description = "largest KID subset (default: ${DEFAULT-VALUE})")
  int kidSubsetSize;

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
    ExtractorFactory network = ExtractorFactory.of(extractor, extractorFile);
    EvaluateSettings settings = new EvaluateSettings(
        new SampleJobSettings(count, batchSize, parallelism, out, OutputFormat.PNG, false, maxRestarts),
        reference, fidBatchSize, kidSubsets, kidSubsetSize, kidSeed);
    DiffusionGeneratorFactory generator =
        new DiffusionGeneratorFactory(model.toString(), seed, sampler, steps, eta, threadsPerSubtask);
    Evaluation.Result result = Evaluation.run(settings, generator, network);
    spec.commandLine().getOut().println("evaluate: " + result.scoring().summary() + "; sampling "
        + result.sampling().summary() + " -> " + out.resolve(EvaluateSettings.REPORT_HTML));
    return 0;
  }
}
