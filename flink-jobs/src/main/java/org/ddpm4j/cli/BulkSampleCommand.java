package org.ddpm4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ddpm4j.flink.sample.OutputFormat;
import org.ddpm4j.flink.sample.SampleJob;
import org.ddpm4j.flink.sample.SampleJobResult;
import org.ddpm4j.flink.sample.SampleJobSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ddpm4j bulk-sample}: generates n samples as a Flink batch job, on an embedded MiniCluster when run from the
 * command line, on the cluster when the job jar is submitted ({@link #main} is its entry class).
 */
@Command(
    name = "bulk-sample",
    mixinStandardHelpOptions = true,
    description = {
      "Generates n samples of a diffusers model folder as a Flink batch job: samples/000123.png by index and/or npz "
          + "shards, then manifest.json. The images do not depend on the parallelism; --resume continues an "
          + "unfinished run."
    })
public final class BulkSampleCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin SamplingOptions sampling;

  @Option(names = "--parallelism", defaultValue = "1", description = "Flink subtasks (default: ${DEFAULT-VALUE})")
  int parallelism;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (new or empty)")
  Path out;

  @Option(names = "--format", defaultValue = "png", description = "png, npz or both (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--resume", description = "continue an unfinished run in --out with the same settings")
  boolean resume;

  @Option(names = "--max-restarts", defaultValue = "" + SampleJobSettings.DEFAULT_MAX_RESTARTS,
      description = "restarts of failed tasks before the job fails (default: ${DEFAULT-VALUE})")
  int maxRestarts;

  @Override
  public Integer call() {
    SampleJobSettings settings = new SampleJobSettings(sampling.count, sampling.batchSize, parallelism, out,
        OutputFormat.parse(format), resume, maxRestarts);
    SampleJobResult result = SampleJob.run(settings, sampling.generator());
    spec.commandLine().getOut().println("bulk-sample: " + result.summary() + " -> " + out);
    return 0;
  }

  /**
   * Entry class for {@code flink run} and application mode (e.g. a FlinkDeployment's {@code entryClass}), with the
   * same arguments as the command. It never calls {@code System.exit} (that would stop the JobManager): bad
   * arguments and failures are thrown.
   */
  public static void main(String[] args) {
    CommandLine cl = new CommandLine(new BulkSampleCommand());
    if (!CommandLine.printHelpIfRequested(cl.parseArgs(args))) {
      cl.<BulkSampleCommand>getCommand().call();
    }
  }
}
