package org.ddpm4j.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.ddpm4j.sampler.SamplerKind;
import org.ddpm4j.sampler.SamplerSettings;

/**
 * Measures the resident set size (VmRSS of /proc/self/status) of a DDPM sampling run of the tiny golden U-Net through
 * {@link DiffusionPipeline}: after a warm-up step and at the end of the run. Run by {@code bench/sampling-memory/run.sh}
 * (1000 steps) and, shorter, by {@link SamplingMemoryTest}.
 */
public final class SamplingMemory {
  /**
   * The RSS at two points of one run.
   *
   * @param steps the DDPM steps of the run
   * @param warmupStep the step (1-based) after which the first RSS was read
   * @param rssAfterWarmupKb VmRSS after step {@code warmupStep}
   * @param rssAtEndKb VmRSS after the last step
   * @param seconds the run's wall time
   */
  public record Result(int steps, int warmupStep, long rssAfterWarmupKb, long rssAtEndKb, double seconds) {
    /** The growth in MB (10^6 bytes). */
    public double growthMb() {
      return (rssAtEndKb - rssAfterWarmupKb) * 1024 / 1e6;
    }

    /** One line for logs and docs. */
    @Override
    public String toString() {
      return String.format("DDPM %d steps: VmRSS after step %d = %.1f MB, after step %d = %.1f MB, growth %.2f MB "
          + "(%.1f s)", steps, warmupStep, rssAfterWarmupKb * 1024 / 1e6, steps, rssAtEndKb * 1024 / 1e6,
          growthMb(), seconds);
    }
  }

  private SamplingMemory() {}

  /** Samples {@code batch} images of the model folder with {@code steps} DDPM steps and reads VmRSS twice. */
  public static Result measure(Path model, int steps, int batch, int warmupStep) {
    long[] rss = new long[2];
    SamplerSettings ddpm = new SamplerSettings(SamplerKind.DDPM, steps, 0);
    long start = System.nanoTime();
    try (DiffusionPipeline p = DiffusionPipeline.open(new PipelineConfig(model, ddpm))) {
      p.generate(0, LongStream.range(0, batch).toArray(), (k, n, t, x0) -> {
        if (k + 1 == warmupStep) {
          rss[0] = vmRssKb();
        } else if (k + 1 == n) {
          rss[1] = vmRssKb();
        }
      });
    }
    return new Result(steps, warmupStep, rss[0], rss[1], (System.nanoTime() - start) / 1e9);
  }

  /** The process's resident set size in kB. */
  static long vmRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("/proc/self/status has no VmRSS line");
  }

  /**
   * Prints the RSS growth of a 1000-step DDPM run at batch 4 after a 100-step warm-up point.
   *
   * @param args the model folder (with the tiny golden U-Net), optionally steps, batch and warm-up step
   */
  public static void main(String[] args) {
    Path model = Path.of(args[0]);
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    System.out.println(measure(model, steps, batch, warmup));
  }
}
