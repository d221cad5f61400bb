package org.ddpm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PngSampleWriterTest {
  @Test
  void namesArePaddedToTheDigitsOfN() {
    assertEquals("7.png", new PngSampleWriter(Path.of("."), 9).fileName(7));
    assertEquals("07.png", new PngSampleWriter(Path.of("."), 16).fileName(7));
    assertEquals("099.png", new PngSampleWriter(Path.of("."), 100).fileName(99));
    assertEquals("000123.png", new PngSampleWriter(Path.of("."), 500000).fileName(123));
  }
}
