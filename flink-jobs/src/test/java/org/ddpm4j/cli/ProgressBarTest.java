package org.ddpm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void rendersTheFractionOfStepsAndTheImagesDone() {
    assertEquals("[------------------------------]   0% | 0/48 images | 0.0 s", ProgressBar.render(0, 150, 0, 48, 0));
    assertEquals("[##########--------------------]  33% | 16/48 images | 12.5 s",
        ProgressBar.render(50, 150, 16, 48, 12.46));
    assertEquals("[##############################] 100% | 48/48 images | 30.0 s",
        ProgressBar.render(150, 150, 48, 48, 30));
  }

  @Test
  void redrawsAtMostEvery200MsAndOnceAtTheEnd() {
    long[] now = {0};
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err), 10, 2, () -> now[0]);
    for (int i = 0; i < 10; i++) {
      now[0] += 50_000_000L;
      bar.step();
    }
    bar.images(2);
    bar.finish();
    // first step draws, then every 4th 50 ms step (steps 5 and 9), then the end
    assertEquals(4, err.toString().split("\r", -1).length - 1, err.toString());
    assertEquals("[##############################] 100% | 2/2 images | 0.5 s\n",
        err.toString().substring(err.toString().lastIndexOf('\r') + 1).replace(System.lineSeparator(), "\n"));
  }
}
