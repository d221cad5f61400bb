package org.ddpm4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.pipeline.DiffusionPipeline;
import org.ddpm4j.pipeline.PipelineConfig;
import org.ddpm4j.sampler.SamplerKind;
import org.ddpm4j.sampler.SamplerSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ddpm4j sample}: generates samples 0..n-1 of a model folder in this process, batch by batch, through the
 * {@link DiffusionPipeline} the Flink jobs and the gateway use too.
 */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Generates n samples of a diffusers model folder in this process: sample i starts from the noise of (seed, i), "
          + "so its image does not depend on --batch or --threads. Progress on stderr, a summary line with images/s "
          + "on stdout."
    })
public final class SampleCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "diffusers model folder (its scheduler_config.json, else the DDPM default schedule)")
  Path model;

  @Option(names = "--n", defaultValue = "16", paramLabel = "N",
      description = "number of samples, global indices 0..N-1 (default: ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "noise seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--sampler", defaultValue = "ddim", paramLabel = "ddpm|ddim|dpmpp",
      description = "sampling algorithm (default: ${DEFAULT-VALUE})")
  String sampler;

  @Option(names = "--steps", defaultValue = "50", paramLabel = "K",
      description = "inference steps, at most the scheduler's num_train_timesteps (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--eta", defaultValue = "0", paramLabel = "E",
      description = "DDIM noise scale in [0, 1]; 0 for the other samplers (default: ${DEFAULT-VALUE})")
  double eta;

  @Option(names = "--batch", defaultValue = "16", paramLabel = "B",
      description = "samples per forward pass (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created if needed)")
  Path out;

  @Option(names = "--format", defaultValue = "png", paramLabel = "png|grid",
      description = "png: one 000123.png per sample (index zero-padded to the digits of N); grid: one grid.png "
          + "(default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--threads", defaultValue = "0", paramLabel = "T",
      description = "libtorch intra-op threads; 0: ai.djl.pytorch.num_threads or libtorch's default (default: "
          + "${DEFAULT-VALUE})")
  int threads;

  @Override
  public Integer call() {
    SampleFormat sampleFormat = SampleFormat.parse(format);
    SamplerSettings settings = new SamplerSettings(SamplerKind.parse(sampler), steps, eta);
    requirePositive("--n", count);
    requirePositive("--batch", batch);
    if (threads < 0) {
      throw new IllegalArgumentException("--threads = " + threads + " must be 0 (default) or positive");
    }
    createOutputFolder();
    try (DiffusionPipeline pipeline = DiffusionPipeline.open(new PipelineConfig(model, settings, threads))) {
      SampleWriter writer = SampleWriter.create(sampleFormat, out, count);
      int batches = (count + batch - 1) / batch;
      ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), (long) batches * steps, count, System::nanoTime);
      Uint8Images last = null;
      for (int first = 0; first < count; first += batch) {
        long[] indices = LongStream.range(first, Math.min(first + batch, count)).toArray();
        last = pipeline.generate(seed, indices, (k, n, t, x0) -> bar.step());
        writer.write(first, last);
        bar.images(indices.length);
      }
      Path written = writer.finish();
      bar.finish();
      double seconds = bar.elapsedSeconds();
      spec.commandLine().getOut().println(String.format(Locale.ROOT,
          "sample: %d images (%dx%dx%d) in %.1f s, %.2f images/s, %s %d steps, seed %d, batch %d -> %s", count,
          last.height(), last.width(), last.channels(), seconds, count / seconds, settings.kind().id(), steps, seed,
          batch, written));
    }
    return 0;
  }

  private static void requirePositive(String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " = " + value + " must be at least 1");
    }
  }

  private void createOutputFolder() {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out " + out + " is a file, not a folder");
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new IllegalArgumentException("--out " + out + ": cannot create the folder (" + e + ")", e);
    }
  }
}
