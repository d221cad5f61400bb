package org.ddpm4j.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ddpm4j fid} on the Fashion-MNIST test and train splits (30 images each) with the shipped classifier. */
class FidCommandTest {
  private static final String DATA = System.getProperty("fashion.mnist.dir", "/usr/share/datasets/fashion-mnist");
  private static final String CLASSIFIER = System.getProperty("fmnist.classifier.dir", "../models/fmnist-classifier");

  @Test
  void scoresTwoSplitsAndWritesTheReport(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("fid");
    CliRun run = CliRun.of("fid", "--samples", "fashion-mnist:" + DATA + ":test", "--reference",
        "fashion-mnist:" + DATA + ":train", "--extractor", "fmnist", "--extractor-file", CLASSIFIER, "--out",
        out.toString(), "--limit", "30", "--kid-subsets", "5", "--kid-subset-size", "10", "--parallelism", "2");
    JsonObject report = JsonParser.parseString(Files.readString(out.resolve("report.json"))).getAsJsonObject();
    assertAll(run.describe(),
        () -> assertEquals(0, run.exitCode()),
        () -> assertTrue(run.out().startsWith("fid: FID-FMNIST "), run.out()),
        () -> assertTrue(run.out().contains("KID-FMNIST") && run.out().contains("IS-FMNIST"), run.out()),
        () -> assertEquals("FID-FMNIST", report.get("metric").getAsString()),
        () -> assertEquals(30, report.getAsJsonObject("n").get("samples").getAsInt()),
        () -> assertEquals(5, report.getAsJsonObject("kid").get("subsets").getAsInt()));
  }

  @Test
  void helpDescribesTheInputs() {
    CliRun help = CliRun.of("fid", "--help");
    String text = help.out().replaceAll("\\s+", " ");
    assertAll(help.describe(),
        () -> assertEquals(0, help.exitCode()),
        () -> assertTrue(help.out().startsWith("Usage: ddpm4j fid"), help.out()),
        () -> assertTrue(text.contains("KIND:PATH[:train|test]") && text.contains("--extractor-file"), text));
  }

  @Test
  void badInputIsOneLineNamingIt(@TempDir Path tmp) {
    CliRun unknown = CliRun.of("fid", "--samples", tmp.toString(), "--reference", tmp.toString(), "--extractor",
        "vgg", "--extractor-file", CLASSIFIER, "--out", tmp.resolve("out").toString());
    CliRun missing = CliRun.of("fid", "--samples", tmp.resolve("missing").toString(), "--reference",
        tmp.toString(), "--extractor-file", CLASSIFIER, "--out", tmp.resolve("out").toString());
    assertAll(
        () -> assertEquals(1, unknown.exitCode(), unknown.describe()),
        () -> assertEquals("ddpm4j fid: error: --extractor: unknown extractor 'vgg' (known: fmnist, inception)",
            unknown.errorLines().get(0)),
        () -> assertEquals(1, missing.exitCode(), missing.describe()),
        () -> assertEquals("ddpm4j fid: error: --samples " + tmp.resolve("missing") + ": no such file or folder",
            missing.errorLines().get(0)),
        () -> assertFalse(Files.exists(tmp.resolve("out/report.json"))));
  }
}
