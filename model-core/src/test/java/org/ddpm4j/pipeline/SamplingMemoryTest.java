package org.ddpm4j.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplingMemoryTest {
  private static final Pattern GROWTH = Pattern.compile("run 1: DDPM 300 steps: .* growth (-?[0-9.]+) MB");

  @TempDir Path tmp;

  /**
   * A shorter bench/sampling-memory: in a JVM of its own with a fixed, pre-touched heap (so that only what sampling
   * keeps can grow the RSS), the RSS grows by less than 50 MB from step 100 to step 300 of a DDPM run at batch 4.
   */
  @Test
  void residentMemoryStaysFlatWhileSampling() throws Exception {
    Path model = TinyModel.copyTo(tmp.resolve("tiny"), true);
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
        "-Dai.djl.pytorch.num_interop_threads=1", "-cp", System.getProperty("java.class.path"),
        SamplingMemory.class.getName(), model.toString(), "300", "4", "100", "1")
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the measuring JVM did not finish");
    assertEquals(0, p.exitValue(), output);
    Matcher m = GROWTH.matcher(output);
    assertTrue(m.find(), output);
    System.out.println(output.lines().filter(l -> l.startsWith("run 1:")).reduce("", (a, b) -> a + b + "\n"));
    double growthMb = Double.parseDouble(m.group(1));
    assertTrue(growthMb < 50, m.group());
  }
}
