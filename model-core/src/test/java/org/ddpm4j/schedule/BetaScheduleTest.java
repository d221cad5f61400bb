package org.ddpm4j.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BetaScheduleTest {

  @Test
  void linearRunsFromBetaStartToBetaEnd() {
    float[] b = BetaSchedule.LINEAR.betas(1000, 1e-4, 0.02);
    assertEquals(1000, b.length);
    assertEquals(1e-4f, b[0]);
    assertEquals(0.02f, b[999]);
  }

  @Test
  void scaledLinearSquaresALinspaceOfSquareRoots() {
    float[] b = BetaSchedule.SCALED_LINEAR.betas(1000, 0.00085, 0.012);
    float first = (float) Math.sqrt(0.00085);
    assertEquals(first * first, b[0]);
    assertEquals(0.012f, b[999], Math.ulp(0.012f));
    float mid = (float) (Math.sqrt(0.00085) + (Math.sqrt(0.012) - Math.sqrt(0.00085)) * 500 / 999);
    assertEquals(mid * mid, b[500], 1e-9);
  }

  @Test
  void cosineFollowsAlphaBarIgnoresStartEndAndIsCapped() {
    float[] b = BetaSchedule.SQUAREDCOS_CAP_V2.betas(1000, 1e-4, 0.02);
    assertArrayEquals(b, BetaSchedule.SQUAREDCOS_CAP_V2.betas(1000, 0.5, 0.7));
    assertEquals(0.999f, b[999]);
    double f0 = Math.pow(Math.cos(0.008 / 1.008 * Math.PI / 2), 2);
    double f1 = Math.pow(Math.cos((0.001 + 0.008) / 1.008 * Math.PI / 2), 2);
    assertEquals((float) (1 - f1 / f0), b[0]);
    for (float beta : b) {
      assertTrue(beta > 0 && beta <= 0.999f);
    }
  }
}
