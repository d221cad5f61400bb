package org.ddpm4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.pipeline.DiffusionPipeline;
import org.ddpm4j.pipeline.PipelineConfig;
import org.ddpm4j.sampler.SamplerKind;
import org.ddpm4j.sampler.SamplerSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** init -> inspect -> sample on a tiny random model, and the sample command's answers to bad input. */
class SampleCommandTest {
  @TempDir static Path tmp;
  private static Path model;

  @BeforeAll
  static void initModel() {
    model = tmp.resolve("model");
    CliRun init = CliRun.of("init", "--config", TinyConfig.write(tmp.resolve("tiny.json"), null, null).toString(),
        "--out", model.toString(), "--seed", "3");
    assertEquals(0, init.exitCode(), init::describe);
  }

  @Test
  void initInspectSampleRoundTrip() {
    CliRun inspect = CliRun.of("inspect", "--model", model.toString());
    assertEquals(0, inspect.exitCode(), inspect::describe);
    assertTrue(inspect.out().contains("  conv_in.weight (16, 1, 3, 3)"), inspect.out());
    assertTrue(inspect.out().contains("  variance_type: \"fixed_small\""), inspect.out());

    Path out = tmp.resolve("png");
    CliRun sample = CliRun.of("sample", "--model", model.toString(), "--n", "12", "--seed", "7", "--sampler", "ddim",
        "--steps", "3", "--batch", "5", "--out", out.toString(), "--format", "png");
    assertEquals(0, sample.exitCode(), sample::describe);
    assertTrue(sample.out().startsWith("sample: 12 images (8x8x1) in "), sample.out());
    assertTrue(sample.out().contains(" images/s, ddim 3 steps, seed 7, batch 5 -> " + out), sample.out());
    assertTrue(sample.err().contains("100% | 12/12 images"), sample.err());
    List<String> names = fileNames(out);
    assertEquals(12, names.size());
    assertEquals("00.png", names.get(0));
    assertEquals("11.png", names.get(11));
  }

  /** The PNG of index 6 holds exactly the bytes the pipeline generates for it in the same batch (5..9). */
  @Test
  void theImagesAreThePipelinesBytes() throws IOException {
    Path out = tmp.resolve("same");
    CliRun sample = CliRun.of("sample", "--model", model.toString(), "--n", "10", "--seed", "7", "--sampler", "ddpm",
        "--steps", "4", "--batch", "5", "--out", out.toString());
    assertEquals(0, sample.exitCode(), sample::describe);
    Uint8Images expected;
    try (DiffusionPipeline p = DiffusionPipeline.open(
        new PipelineConfig(model, new SamplerSettings(SamplerKind.DDPM, 4, 0)))) {
      expected = p.generate(7, new long[] {5, 6, 7, 8, 9});
    }
    assertArrayEquals(expected.sample(1), pixels(out.resolve("06.png")));
    assertFalse(Arrays.equals(expected.sample(0), expected.sample(1)), "indices 5 and 6 give different images");
  }

  @Test
  void aGridHoldsAllSamplesInCeilSqrtColumns() throws IOException {
    Path out = tmp.resolve("grid");
    CliRun sample = CliRun.of("sample", "--model", model.toString(), "--n", "5", "--steps", "2", "--batch", "2",
        "--out", out.toString(), "--format", "grid");
    assertEquals(0, sample.exitCode(), sample::describe);
    assertEquals(List.of("grid.png"), fileNames(out));
    BufferedImage grid = ImageIO.read(out.resolve("grid.png").toFile());
    // 5 samples of 8x8, 3 per row, padding 2: 3 * (8 + 2) + 2 wide, 2 * (8 + 2) + 2 high
    assertEquals(32, grid.getWidth());
    assertEquals(22, grid.getHeight());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "missing model folder | --model=MISSING                  | not a model folder (no such directory)",
      "unknown sampler      | --sampler=foo                    | unknown sampler 'foo' (valid: ddpm, ddim, dpmpp)",
      "n = 0                | --n=0                            | --n = 0 must be at least 1",
      "n < 0                | --n=-3                           | --n = -3 must be at least 1",
      "batch = 0            | --batch=0                        | --batch = 0 must be at least 1",
      "too many steps       | --steps=1001                     | steps = 1001 exceeds num_train_timesteps = 1000",
      "zero steps           | --steps=0                        | steps = 0 must be at least 1",
      "eta without ddim     | --sampler=ddpm --eta=0.5         | eta = 0.5 applies only to the ddim sampler, not ddpm",
      "eta above 1          | --eta=2                          | eta = 2.0 must be in [0, 1]",
      "unknown format       | --format=jpeg                    | unknown format 'jpeg' (valid: png, grid)",
      "output is a file     | --out=FILE                       | is a file, not a folder",
      "negative threads     | --threads=-1                     | --threads = -1 must be 0 (default) or positive",
  })
  void badInputIsOneLineNamingTheProblem(String name, String options, String message) throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    Map<String, String> args = new LinkedHashMap<>(Map.of("--model", model.toString(), "--out",
        tmp.resolve("bad").toString(), "--steps", "2"));
    for (String option : options.split(" ")) {
      String[] kv = option.split("=", 2);
      args.put(kv[0], kv[1].replace("MISSING", tmp.resolve("missing").toString()).replace("FILE", file.toString()));
    }
    CliRun run = CliRun.of(Stream.concat(Stream.of("sample"),
        args.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())).toArray(String[]::new));
    assertEquals(1, run.exitCode(), run::describe);
    List<String> lines = run.errorLines();
    assertEquals(1, lines.size(), run::describe);
    assertTrue(lines.get(0).startsWith("ddpm4j sample: error: "), run::describe);
    assertTrue(lines.get(0).contains(message), run::describe);
  }

  @Test
  void usageErrorsNameTheOption() {
    CliRun missing = CliRun.of("sample", "--out", tmp.resolve("x").toString());
    assertEquals(2, missing.exitCode(), missing::describe);
    assertTrue(missing.err().startsWith("Missing required option: '--model=DIR'"), missing::describe);
    CliRun notANumber = CliRun.of("sample", "--model", model.toString(), "--out", "x", "--n", "many");
    assertEquals(2, notANumber.exitCode(), notANumber::describe);
    assertTrue(notANumber.err().startsWith("Invalid value for option '--n': 'many' is not an int"),
        notANumber::describe);
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : List.of("sample", "init", "inspect")) {
      CliRun help = CliRun.of(command, "--help");
      assertEquals(0, help.exitCode(), help::describe);
      assertTrue(help.out().startsWith("Usage: ddpm4j " + command), help::describe);
    }
    assertTrue(CliRun.of("init", "--help").out().replaceAll("\\s+", " ").contains("linear betas 1e-4..0.02 over 1000 steps, "
        + "variance_type fixed_small, clip_sample true"));
  }

  private static List<String> fileNames(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] pixels(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
    return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
  }
}
