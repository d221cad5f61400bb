package org.ddpm4j.eval;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The Java side of {@code bench/fid/run.sh}: builds the statistics of the golden metrics case "a" (featgen v1, d =
 * 2048, 2000 and 2500 rows), writes them as pytorch-fid {@code .npz} files for the Python references, reads them
 * back and times {@link FrechetDistance#compute} on them (wall time and process CPU time, which a busy machine
 * inflates less). Prints one JSON object.
 *
 * <p>Arguments: {@code <output folder> <repeats>}.
 */
public final class FidBenchmark {
  private static final FeatGen.Params P1 = new FeatGen.Params(16, 0.5, new int[] {37, 5, 13, 3, 7, 1});
  private static final FeatGen.Params P2 = new FeatGen.Params(16, 0.5, new int[] {37, 6, 13, 4, 7, 1});
  private static final int D = 2048;

  private FidBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int repeats = Integer.parseInt(args[1]);
    Files.createDirectories(out);
    Path f1 = out.resolve("case_a_set1.npz");
    Path f2 = out.resolve("case_a_set2.npz");
    new FeatureStatistics(D).add(FeatGen.features(11, 2000, D, P1, 0, 0)).toMeanCovariance().write(f1);
    new FeatureStatistics(D).add(FeatGen.features(22, 2500, D, P2, 0, 0)).toMeanCovariance().write(f2);
    MeanCovariance s1 = MeanCovariance.read(f1);
    MeanCovariance s2 = MeanCovariance.read(f2);
    FrechetDistance.Settings settings = FrechetDistance.Settings.defaults();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[] seconds = new double[repeats];
    double[] cpuSeconds = new double[repeats];
    double value = 0;
    boolean offset = false;
    for (int r = 0; r < repeats; r++) {
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      FrechetDistance.Result result = FrechetDistance.compute(s1, s2, settings);
      seconds[r] = (System.nanoTime() - t0) / 1e9;
      cpuSeconds[r] = (os.getProcessCpuTime() - cpu0) / 1e9;
      value = result.value();
      offset = result.offsetApplied();
    }
    System.out.printf(Locale.ROOT, "{\"impl\": \"ddpm4j FrechetDistance (%d threads)\", \"value\": %.17g, "
        + "\"offset\": %b, \"seconds\": %s, \"cpu_seconds\": %s}%n", settings.threads(), value, offset,
        Arrays.toString(seconds), Arrays.toString(cpuSeconds));
  }
}
