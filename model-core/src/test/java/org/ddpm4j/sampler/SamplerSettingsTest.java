package org.ddpm4j.sampler;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SamplerSettingsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "DDPM|0|0|steps = 0 must be at least 1",
      "DDIM|-5|0|steps = -5 must be at least 1",
      "DDIM|50|-0.1|eta = -0.1 must be in [0, 1]",
      "DDIM|50|1.5|eta = 1.5 must be in [0, 1]",
      "DDIM|50|NaN|eta = NaN must be in [0, 1]",
      "DDPM|50|0.5|eta = 0.5 applies only to the ddim sampler, not ddpm",
      "DPMPP|20|1|eta = 1.0 applies only to the ddim sampler, not dpmpp"})
  void invalidSettingsAreNamed(SamplerKind kind, int steps, double eta, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SamplerSettings(kind, steps, eta));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
