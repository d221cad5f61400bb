package org.ddpm4j.flink.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * bench/flink-sample: the same work (n samples of a model folder, DDIM, fixed batches, PNG files written atomically)
 * done by a plain in-process loop over the job's own generator and file writer, by {@link SampleJob} at parallelism
 * 1 and at parallelism 2, one libtorch intra-op thread per subtask, each end to end (model loading, and for the job
 * the input checks and the embedded MiniCluster included). Prints one JSON line per run and checks that all three
 * wrote the same bytes.
 *
 * <p>Arguments: output folder, model folder, n, batch size, DDIM steps, rounds.
 */
public final class SampleBenchmark {
  private SampleBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    String model = args[1];
    int n = Integer.parseInt(args[2]);
    int batch = Integer.parseInt(args[3]);
    int steps = Integer.parseInt(args[4]);
    int rounds = Integer.parseInt(args[5]);
    DiffusionGeneratorFactory factory = new DiffusionGeneratorFactory(model, 0, "ddim", steps, 0.0, 1);
    try (BatchGenerator warmUp = factory.open(new GeneratorContext(0, 1, 0, OptionalInt.empty()))) {
      warmUp.generate(new long[] {0});
    }
    for (int r = 0; r < rounds; r++) {
      Path round = out.resolve("round" + r);
      double plain = plainLoop(factory, round.resolve("plain"), n, batch);
      report("plain loop", r, 1, n, plain);
      Map<String, byte[]> expected = OutputFiles.samples(round.resolve("plain"));
      for (int parallelism : new int[] {1, 2}) {
        Path dir = round.resolve("p" + parallelism);
        SampleJobResult result = SampleJob.run(
            new SampleJobSettings(n, batch, parallelism, dir, OutputFormat.PNG, false, 0), factory);
        report("SampleJob", r, parallelism, n, result.wallSeconds());
        OutputFiles.assertSameFiles(expected, OutputFiles.samples(dir));
      }
    }
  }

  /** The job's work without Flink: one generator, the batches in order, the same file writer. */
  private static double plainLoop(BatchGeneratorFactory factory, Path dir, int n, int batch) {
    long start = System.nanoTime();
    OutputLayout layout = new OutputLayout(dir.toAbsolutePath().toString(), new BatchPlan(n, batch),
        OutputFormat.PNG);
    SampleFiles files = new SampleFiles(layout);
    try (BatchGenerator generator = factory.open(new GeneratorContext(0, 1, 0, OptionalInt.empty()))) {
      for (int k = 0; k < layout.plan().batches(); k++) {
        files.write(generator.generate(layout.plan().indices(k)));
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static void report(String impl, int round, int parallelism, int n, double seconds) {
    System.out.printf(Locale.ROOT,
        "{\"impl\": \"%s\", \"round\": %d, \"parallelism\": %d, \"samples\": %d, \"seconds\": %.3f, "
            + "\"samplesPerSecond\": %.3f}%n", impl, round, parallelism, n, seconds, n / seconds);
  }
}
