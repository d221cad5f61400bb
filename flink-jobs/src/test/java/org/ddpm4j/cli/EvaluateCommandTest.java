package org.ddpm4j.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ddpm4j evaluate} with a tiny untrained 28x28 gray model (DDIM, 2 steps) against the Fashion-MNIST test split
 * with the shipped classifier: the report agrees with {@code ddpm4j fid} on the same samples, the HTML page shows the
 * metric and the grid, and bad input stops it before sampling with one line naming the option.
 */
class EvaluateCommandTest {
  private static final String DATA = System.getProperty("fashion.mnist.dir", "/usr/share/datasets/fashion-mnist");
  private static final String CLASSIFIER = System.getProperty("fmnist.classifier.dir", "../models/fmnist-classifier");
  private static final String REFERENCE = "fashion-mnist:" + DATA + ":test";
  private static final Pattern GRID = Pattern.compile("<img alt=\"sample grid\" src=\"data:image/png;base64,([^\"]+)\">");

  @TempDir static Path shared;
  private static Path model28;
  private static Path model8;

  @BeforeAll
  static void initModels() {
    model28 = init("model28", TinyConfig.write(shared.resolve("c28.json"), "sample_size", "28"));
    model8 = init("model8", TinyConfig.write(shared.resolve("c8.json"), null, null));
  }

  private static Path init(String name, Path config) {
    Path dir = shared.resolve(name);
    CliRun run = CliRun.of("init", "--config", config.toString(), "--out", dir.toString());
    assertEquals(0, run.exitCode(), run.describe());
    return dir;
  }

  /** The evaluate arguments of a 16-sample DDIM-2 run; {@code more} holds option-value pairs that replace or add. */
  private static String[] args(Path out, String... more) {
    Map<String, String> a = new LinkedHashMap<>();
    String[] defaults = {"--model", model28.toString(), "--n", "16", "--sampler", "ddim", "--steps", "2",
        "--batch-size", "8", "--parallelism", "2", "--reference", REFERENCE, "--extractor-file", CLASSIFIER,
        "--kid-subsets", "5", "--kid-subset-size", "10", "--out", out.toString()};
    for (String[] pairs : new String[][] {defaults, more}) {
      for (int i = 0; i < pairs.length; i += 2) {
        a.put(pairs[i], pairs[i + 1]);
      }
    }
    List<String> flat = new ArrayList<>(List.of("evaluate"));
    a.forEach((k, v) -> {
      flat.add(k);
      flat.add(v);
    });
    return flat.toArray(String[]::new);
  }

  private static JsonObject json(Path file) throws IOException {
    return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
  }

  @Test
  void samplesScoresAndWritesBothReportsAgreeingWithFid(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("eval");
    CliRun run = CliRun.of(args(out, "--seed", "5", "--kid-seed", "3"));
    assertEquals(0, run.exitCode(), run.describe());
    CliRun fid = CliRun.of("fid", "--samples", out.resolve("samples").toString(), "--reference", REFERENCE,
        "--extractor", "fmnist", "--extractor-file", CLASSIFIER, "--kid-subsets", "5", "--kid-subset-size", "10",
        "--seed", "3", "--out", tmp.resolve("fid").toString());
    assertEquals(0, fid.exitCode(), fid.describe());
    JsonObject report = json(out.resolve("report.json"));
    JsonObject alone = json(tmp.resolve("fid/report.json"));
    JsonObject sampling = report.getAsJsonObject("sampling");
    String html = Files.readString(out.resolve("report.html"));
    Matcher grid = GRID.matcher(html);
    assertTrue(grid.find(), html);
    BufferedImage gridImage = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(grid.group(1))));
    assertAll(run.describe(),
        () -> assertTrue(run.out().startsWith("evaluate: FID-FMNIST "), run.out()),
        () -> assertEquals("FID-FMNIST", report.get("metric").getAsString()),
        () -> assertEquals(alone.get("value").getAsDouble(), report.get("value").getAsDouble(), 1e-9),
        () -> assertEquals(alone.getAsJsonObject("kid").get("mean").getAsDouble(),
            report.getAsJsonObject("kid").get("mean").getAsDouble(), 1e-12),
        () -> assertEquals(alone.getAsJsonObject("is").get("mean").getAsDouble(),
            report.getAsJsonObject("is").get("mean").getAsDouble(), 1e-9),
        () -> assertEquals(16, report.getAsJsonObject("n").get("samples").getAsInt()),
        () -> assertEquals(10000, report.getAsJsonObject("n").get("reference").getAsInt()),
        () -> assertEquals(alone.getAsJsonObject("extractor"), report.getAsJsonObject("extractor")),
        () -> assertEquals("complete", sampling.get("status").getAsString()),
        () -> assertEquals(16, sampling.get("count").getAsInt()),
        () -> assertEquals(8, sampling.get("batchSize").getAsInt()),
        () -> assertEquals(2, sampling.get("parallelism").getAsInt()),
        () -> assertEquals(28, sampling.getAsJsonObject("image").get("height").getAsInt()),
        () -> assertEquals(5, sampling.getAsJsonObject("generator").get("seed").getAsLong()),
        () -> assertEquals("ddim",
            sampling.getAsJsonObject("generator").getAsJsonObject("sampler").get("kind").getAsString()),
        () -> assertEquals(2,
            sampling.getAsJsonObject("generator").getAsJsonObject("sampler").get("steps").getAsInt()),
        () -> assertTrue(sampling.get("wallTimeSeconds").getAsDouble() > 0, sampling.toString()),
        () -> assertEquals(16 / sampling.get("wallTimeSeconds").getAsDouble(),
            sampling.get("samplesPerSecond").getAsDouble(), 1e-9),
        () -> assertTrue(html.contains("<th>FID-FMNIST</th><td class=\"v\">" + report.get("value").getAsString()
            + "</td>"), html),
        () -> assertFalse(html.contains("<th>FID</th>"), html),
        () -> assertTrue(html.contains("<th>sampling.generator.sampler.kind</th><td class=\"v\">ddim</td>"), html),
        // 16 samples: 4 per row, 28 px + 2 px padding each, plus the outer padding
        () -> assertEquals(122, gridImage.getWidth()),
        () -> assertEquals(122, gridImage.getHeight()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      one sample          | --n                | 1                | --n must be >= 2 (FID needs at least 2 samples), got 1
      unknown extractor   | --extractor        | vgg              | --extractor: unknown extractor 'vgg' (known: fmnist, inception)
      missing reference   | --reference        | TMP/missing      | --reference TMP/missing: no such file or folder
      reference not npz   | --reference        | TMP/ref.txt      | --reference TMP/ref.txt: a file must be a statistics .npz (mu, sigma); give images as a folder
      model of 8x8 images | --model            | MODEL8           | --model MODEL8: images are 8x8
      bad kid subsets     | --kid-subsets      | 0                | --kid-subsets must be >= 1, got 0
      bad fid batch size  | --fid-batch-size   | 0                | --fid-batch-size must be >= 1, got 0
      """)
  void badInputStopsBeforeSamplingWithOneLine(String name, String option, String value, String message,
      @TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("ref.txt"), "not statistics");
    String v = value.replace("TMP", tmp.toString()).replace("MODEL8", model8.toAbsolutePath().toString());
    String expected = message.replace("TMP", tmp.toString()).replace("MODEL8", model8.toAbsolutePath().toString());
    Path out = tmp.resolve("out");
    CliRun run = CliRun.of(args(out, option, v));
    assertAll(run.describe(),
        () -> assertEquals(1, run.exitCode()),
        () -> assertTrue(run.errorLines().get(0).startsWith("ddpm4j evaluate: error: " + expected),
            run.errorLines().get(0)),
        () -> assertFalse(Files.exists(out), "nothing sampled"));
  }

  @Test
  void missingExtractorFileIsNamedBeforeSampling(@TempDir Path tmp) {
    Path out = tmp.resolve("out");
    CliRun run = CliRun.of(args(out, "--extractor-file", tmp.resolve("nowhere").toString()));
    assertAll(run.describe(),
        () -> assertEquals(1, run.exitCode()),
        () -> assertTrue(run.errorLines().get(0).startsWith("ddpm4j evaluate: error: ")
            && run.errorLines().get(0).contains(tmp.resolve("nowhere").toString()), run.errorLines().get(0)),
        () -> assertFalse(Files.exists(out), "nothing sampled"));
  }
}
