package org.ddpm4j.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplingMemoryTest {
  @TempDir Path tmp;

  /** A shorter version of bench/sampling-memory: RSS grows by less than 50 MB from step 100 to step 300. */
  @Test
  void residentMemoryStaysFlatWhileSampling() {
    Path model = TinyModel.copyTo(tmp.resolve("tiny"), true);
    SamplingMemory.Result r = SamplingMemory.measure(model, 300, 4, 100);
    System.out.println("sampling memory: " + r);
    assertTrue(r.rssAfterWarmupKb() > 0 && r.rssAtEndKb() > 0, r::toString);
    assertTrue(r.growthMb() < 50, r::toString);
  }
}
