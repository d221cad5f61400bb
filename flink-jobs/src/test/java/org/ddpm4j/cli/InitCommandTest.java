package org.ddpm4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.pipeline.DefaultScheduler;
import org.ddpm4j.unet.UNet2DModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InitCommandTest {
  @TempDir Path tmp;

  private CliRun init(Path config, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("init", "--config", config.toString(), "--out",
        out.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void writesALoadableFolderWithTheDefaultSchedulerAndSeededWeights() throws IOException {
    Path config = TinyConfig.write(tmp.resolve("tiny.json"), null, null);
    Path a = tmp.resolve("a");
    CliRun run = init(config, a, "--seed", "5");
    assertEquals(0, run.exitCode(), run::describe);
    assertEquals(DefaultScheduler.json(), ModelFolder.readJson(a.resolve(ModelFolder.SCHEDULER_CONFIG)));
    try (UNet2DModel m = UNet2DModel.load(a)) {
      assertEquals(String.format("init: wrote %s (%,d parameters, seed 5, scheduler: DDPM default)%n", a,
          m.parameterCount()), run.out());
    }
    Path b = tmp.resolve("b");
    Path c = tmp.resolve("c");
    assertEquals(0, init(config, b, "--seed", "5").exitCode());
    assertEquals(0, init(config, c, "--seed", "6").exitCode());
    byte[] weightsA = Files.readAllBytes(a.resolve(ModelFolder.WEIGHTS));
    assertArrayEquals(weightsA, Files.readAllBytes(b.resolve(ModelFolder.WEIGHTS)), "same seed, same weights");
    assertFalse(Arrays.equals(weightsA, Files.readAllBytes(c.resolve(ModelFolder.WEIGHTS))),
        "another seed, other weights");
  }

  @Test
  void copiesAGivenSchedulerConfig() throws IOException {
    Path scheduler = Files.writeString(tmp.resolve("s.json"),
        "{\"_class_name\": \"DDPMScheduler\", \"variance_type\": \"fixed_large\", \"beta_end\": 0.03}");
    Path out = tmp.resolve("m");
    CliRun run = init(TinyConfig.write(tmp.resolve("tiny.json"), null, null), out, "--scheduler-config",
        scheduler.toString());
    assertEquals(0, run.exitCode(), run::describe);
    assertEquals(ModelFolder.readJson(scheduler), ModelFolder.readJson(out.resolve(ModelFolder.SCHEDULER_CONFIG)));
    assertTrue(run.out().endsWith("scheduler: " + scheduler + ")\n"), run.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unsupported field value | act_fn          | \"relu\"     | act_fn",
      "groups do not divide    | norm_num_groups | 5           | norm_num_groups",
      "unknown block           | down_block_types | [\"CrossAttnDownBlock2D\", \"DownBlock2D\"] | CrossAttnDownBlock2D",
  })
  void aBadConfigIsNamed(String name, String field, String value, String named) {
    Path config = TinyConfig.write(tmp.resolve("bad.json"), field, value);
    CliRun run = init(config, tmp.resolve("m"));
    assertEquals(1, run.exitCode(), run::describe);
    assertEquals(1, run.errorLines().size(), run::describe);
    assertTrue(run.err().startsWith("ddpm4j init: error: " + config), run::describe);
    assertTrue(run.err().contains(named), run::describe);
    assertFalse(Files.exists(tmp.resolve("m")), "nothing written");
  }

  @Test
  void badFilesAreNamed() throws IOException {
    Path config = TinyConfig.write(tmp.resolve("tiny.json"), null, null);
    Path missing = tmp.resolve("missing.json");
    CliRun noConfig = init(missing, tmp.resolve("m"));
    assertEquals("ddpm4j init: error: " + missing + ": missing file", noConfig.err().strip(), noConfig::describe);

    Path scheduler = Files.writeString(tmp.resolve("s.json"), "{\"prediction_type\": \"v_prediction\"}");
    CliRun badScheduler = init(config, tmp.resolve("m"), "--scheduler-config", scheduler.toString());
    assertEquals(1, badScheduler.exitCode(), badScheduler::describe);
    assertTrue(badScheduler.err().startsWith("ddpm4j init: error: " + scheduler + ": "), badScheduler::describe);
    assertTrue(badScheduler.err().contains("prediction_type"), badScheduler::describe);

    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    CliRun overFile = init(config, file);
    assertEquals(1, overFile.exitCode(), overFile::describe);
    assertTrue(overFile.err().contains(file + ": cannot save a model folder over a file"), overFile::describe);
  }
}
