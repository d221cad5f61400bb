package org.ddpm4j.cli;

import java.nio.file.Path;
import org.ddpm4j.flink.sample.DiffusionGeneratorFactory;
import picocli.CommandLine.Option;

/** The options that say what the Flink sample job generates, shared by {@code bulk-sample} and {@code evaluate}. */
final class SamplingOptions {
  @Option(names = "--model", required = true, paramLabel = "DIR", description = "diffusers model folder")
  Path model;

  @Option(names = "--n", required = true, description = "number of samples (indices 0..n-1)")
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
      description = "samples per forward pass; the images depend on it within float tolerance (default: "
          + "${DEFAULT-VALUE})")
  int batchSize;

  @Option(names = "--threads-per-subtask", defaultValue = "1",
      description = "libtorch intra-op threads of each subtask; images are byte-identical across parallelisms for "
          + "the same value (default: ${DEFAULT-VALUE}; on CPUs scale with --parallelism instead)")
  int threadsPerSubtask;

  /** The generator these options describe. */
  DiffusionGeneratorFactory generator() {
    return new DiffusionGeneratorFactory(model.toString(), seed, sampler, steps, eta, threadsPerSubtask);
  }
}
