package org.ddpm4j.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
   * @param heapAfterWarmupKb the Java heap committed after step {@code warmupStep} (part of the RSS)
   * @param heapAtEndKb the Java heap committed after the last step
   * @param rssEvery100Kb VmRSS after steps 100, 200, ... (the trace of the run)
   * @param seconds the run's wall time
   */
  public record Result(int steps, int warmupStep, long rssAfterWarmupKb, long rssAtEndKb, long heapAfterWarmupKb,
      long heapAtEndKb, long[] rssEvery100Kb, double seconds) {
    /** The growth in MB (10^6 bytes). */
    public double growthMb() {
      return (rssAtEndKb - rssAfterWarmupKb) * 1024 / 1e6;
    }

    /** One line for logs and docs. */
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "DDPM %d steps: VmRSS after step %d = %.1f MB, after step %d = %.1f MB, "
          + "growth %.2f MB (Java heap committed %.1f -> %.1f MB), %.1f s", steps, warmupStep,
          rssAfterWarmupKb * 1024 / 1e6, steps, rssAtEndKb * 1024 / 1e6, growthMb(), heapAfterWarmupKb * 1024 / 1e6,
          heapAtEndKb * 1024 / 1e6, seconds);
    }

    /** VmRSS after every 100 steps, in MB. */
    public String trace() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < rssEvery100Kb.length; i++) {
        b.append(String.format(Locale.ROOT, "%s%d: %.1f", i == 0 ? "" : ", ", (i + 1) * 100,
            rssEvery100Kb[i] * 1024 / 1e6));
      }
      return b.toString();
    }
  }

  private SamplingMemory() {}

  /**
   * Samples {@code batch} images of the model folder with {@code steps} DDPM steps and reads VmRSS after
   * {@code warmupStep}, after every 100 steps and at the end.
   */
  public static Result measure(Path model, int steps, int batch, int warmupStep) {
    long[] rss = new long[2];
    long[] heap = new long[2];
    long[] trace = new long[steps / 100];
    SamplerSettings ddpm = new SamplerSettings(SamplerKind.DDPM, steps, 0);
    long start = System.nanoTime();
    try (DiffusionPipeline p = DiffusionPipeline.open(new PipelineConfig(model, ddpm))) {
      p.generate(0, LongStream.range(0, batch).toArray(), (k, n, t, x0) -> {
        if ((k + 1) % 100 == 0) {
          trace[(k + 1) / 100 - 1] = vmRssKb();
        }
        int at = k + 1 == warmupStep ? 0 : k + 1 == n ? 1 : -1;
        if (at >= 0) {
          rss[at] = vmRssKb();
          heap[at] = Runtime.getRuntime().totalMemory() / 1024;
        }
      });
    }
    return new Result(steps, warmupStep, rss[0], rss[1], heap[0], heap[1], trace, (System.nanoTime() - start) / 1e9);
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
   * Prints the RSS growth of DDPM runs of the tiny U-Net, each from its warm-up step to its last step, and the RSS
   * after every 100 steps. The JVM should run with a fixed, pre-touched heap ({@code -Xms}={@code -Xmx},
   * {@code -XX:+AlwaysPreTouch}): otherwise the RSS also grows while the garbage collector spreads new objects over
   * heap pages not touched before, which says nothing about what sampling keeps.
   *
   * @param args the model folder (with the tiny golden U-Net), then optionally steps (1000), batch (4), warm-up step
   *     (100) and the number of consecutive runs in this JVM (1)
   */
  public static void main(String[] args) {
    Path model = Path.of(args[0]);
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    for (int run = 1; run <= runs; run++) {
      Result r = measure(model, steps, batch, warmup);
      System.out.println("run " + run + ": " + r);
      System.out.println("run " + run + ": VmRSS (MB) after step " + r.trace());
    }
  }
}
