package org.ddpm4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinearWarmupTest {
  @Test
  void rampsLinearlyFromZeroThenStaysConstant() {
    LinearWarmup w = new LinearWarmup(2e-4, 4);
    assertEquals(0.0, w.at(0));
    assertEquals(0.5e-4, w.at(1), 1e-18);
    assertEquals(1.5e-4, w.at(3), 1e-18);
    assertEquals(2e-4, w.at(4));
    assertEquals(2e-4, w.at(1_000_000));
    assertEquals(2e-4, new LinearWarmup(2e-4, 0).at(0));
  }
}
