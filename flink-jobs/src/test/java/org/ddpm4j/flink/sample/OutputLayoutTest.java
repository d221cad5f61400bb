package org.ddpm4j.flink.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLayoutTest {
  @TempDir Path tmp;

  @Test
  void namesArePaddedToTheWidthOfN() {
    OutputLayout layout = new OutputLayout("/out", new BatchPlan(50000, 32), OutputFormat.BOTH);
    assertEquals(Path.of("/out/samples/00123.png"), layout.png(123));
    assertEquals(Path.of("/out/npz/00096-00127.npz"), layout.shard(3));
    OutputLayout small = new OutputLayout("/out", new BatchPlan(10, 4), OutputFormat.NPZ);
    assertEquals(Path.of("/out/samples/03.png"), small.png(3));
    assertEquals(Path.of("/out/npz/08-09.npz"), small.shard(2));
  }

  @Test
  void aBatchIsCompleteWhenEveryFileOfItsFormatExists() throws IOException {
    OutputLayout layout = new OutputLayout(tmp.toString(), new BatchPlan(6, 3), OutputFormat.BOTH);
    Files.createDirectories(tmp.resolve("samples"));
    Files.createDirectories(tmp.resolve("npz"));
    for (long i = 0; i < 3; i++) {
      Files.writeString(layout.png(i), "png");
    }
    assertFalse(layout.isComplete(0), "the shard is missing");
    Files.writeString(layout.shard(0), "npz");
    assertTrue(layout.isComplete(0));
    Files.writeString(layout.shard(1), "npz");
    Files.writeString(layout.png(3), "png");
    assertFalse(layout.isComplete(1), "two PNGs are missing");
    assertTrue(new OutputLayout(tmp.toString(), new BatchPlan(6, 3), OutputFormat.NPZ).isComplete(1));
  }

  @Test
  void formatsParseFromTheCommandLine() {
    assertEquals(OutputFormat.BOTH, OutputFormat.parse("Both"));
    assertTrue(OutputFormat.PNG.writesPng() && !OutputFormat.PNG.writesNpz());
    assertTrue(OutputFormat.NPZ.writesNpz() && !OutputFormat.NPZ.writesPng());
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> OutputFormat.parse("jpg"));
    assertTrue(e.getMessage().contains("'jpg'") && e.getMessage().contains("png, npz or both"), e.getMessage());
  }
}
