package org.ddpm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.unet.UNet2DModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
  @TempDir Path tmp;

  @Test
  void printsConfigParameterCountEveryKeyAndTheScheduler() throws IOException {
    Path model = tmp.resolve("m");
    assertEquals(0, CliRun.of("init", "--config", TinyConfig.write(tmp.resolve("c.json"), null, null).toString(),
        "--out", model.toString()).exitCode());
    Files.delete(model.resolve(ModelFolder.SCHEDULER_CONFIG));
    CliRun run = CliRun.of("inspect", "--model", model.toString());
    assertEquals(0, run.exitCode(), run::describe);
    String out = run.out();
    assertTrue(out.contains("  block_out_channels: [16,32]\n"), out);
    assertTrue(out.contains("  sample_size: 8\n"), out);
    try (UNet2DModel m = UNet2DModel.load(model)) {
      assertTrue(out.contains(String.format("parameters: %,d%n", m.parameterCount())), out);
      assertTrue(out.contains("keys (" + m.keys().size() + "):\n"), out);
      m.shapes().forEach((k, s) -> assertTrue(out.contains("\n  " + k + " " + s + "\n"), k));
    }
    assertTrue(out.contains("scheduler (none in the folder; the DDPM default):\n"), out);
    assertTrue(out.contains("  beta_schedule: \"linear\"\n"), out);
  }

  @Test
  void aMissingFolderIsNamed() {
    Path missing = tmp.resolve("nope");
    CliRun run = CliRun.of("inspect", "--model", missing.toString());
    assertEquals(1, run.exitCode(), run::describe);
    assertEquals("ddpm4j inspect: error: " + missing + ": not a model folder (no such directory)", run.err().strip());
  }
}
