package org.ddpm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ddpm4j bulk-sample} as a user runs it: on its own embedded MiniCluster, with one clear line for bad input.
 */
class BulkSampleCommandTest {
  @TempDir static Path shared;
  private static Path model;
  @TempDir Path tmp;

  @BeforeAll
  static void copyModel() throws IOException {
    Path golden = Path.of(System.getProperty("golden.dir"));
    model = Files.createDirectories(shared.resolve("unet_tiny"));
    for (String f : new String[] {"config.json", "diffusion_pytorch_model.safetensors"}) {
      Files.copy(golden.resolve("unet_tiny").resolve(f), model.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The exit code, stdout and stderr of one command line. */
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Ddpm4jCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("bulk-sample"));
    all.addAll(Arrays.asList(args));
    int code = cl.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  /** A small DDIM run; {@code more} holds option-value pairs that replace or add to the defaults. */
  private static String[] args(Path modelDir, Path out, String... more) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("--model", modelDir.toString());
    a.put("--n", "6");
    a.put("--sampler", "ddim");
    a.put("--steps", "2");
    a.put("--batch-size", "4");
    a.put("--out", out.toString());
    for (int i = 0; i < more.length; i += 2) {
      a.put(more[i], more[i + 1]);
    }
    List<String> flat = new ArrayList<>();
    a.forEach((k, v) -> {
      flat.add(k);
      flat.add(v);
    });
    return flat.toArray(String[]::new);
  }

  @Test
  void samplesOnTheEmbeddedClusterAndPrintsASummary() throws IOException {
    Path out = tmp.resolve("out");
    Run r = run(args(model, out, "--parallelism", "2", "--format", "both", "--seed", "3"));

    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("bulk-sample: 6 samples on disk: 6 generated in "), r.out());
    try (Stream<Path> s = Files.list(out.resolve("samples"))) {
      assertEquals(List.of("0.png", "1.png", "2.png", "3.png", "4.png", "5.png"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    try (Stream<Path> s = Files.list(out.resolve("npz"))) {
      assertEquals(List.of("0-3.npz", "4-5.npz"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"schedulerConfig\": \"diffusers defaults\""));
  }

  private void assertFailsBeforeTheJob(Run r, String message, Path out) {
    assertEquals(1, r.code());
    assertEquals("ddpm4j bulk-sample: error: " + message, r.err().strip());
    assertFalse(Files.exists(out.resolve("manifest.json")));
  }

  @Test
  void aMissingModelFolderIsOneClearLine() {
    Path missing = tmp.resolve("nope");
    Path out = tmp.resolve("out");
    assertFailsBeforeTheJob(run(args(missing, out)), missing + ": not a model folder (no such directory)", out);
    assertFalse(Files.exists(out), "nothing is created before the inputs are checked");
  }

  @Test
  void aCorruptWeightsFileIsNamed() throws IOException {
    Path broken = Files.createDirectories(tmp.resolve("broken"));
    Files.copy(model.resolve("config.json"), broken.resolve("config.json"));
    byte[] weights = Files.readAllBytes(model.resolve("diffusion_pytorch_model.safetensors"));
    Files.write(broken.resolve("diffusion_pytorch_model.safetensors"), Arrays.copyOf(weights, weights.length / 2));
    Run r = run(args(broken, tmp.resolve("out")));
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("ddpm4j bulk-sample: error: " + broken.resolve("diffusion_pytorch_model.safetensors")),
        r.err());
  }

  @Test
  void badSettingsAreNamed() throws IOException {
    Path out = tmp.resolve("out");
    assertFailsBeforeTheJob(run(args(model, out, "--n", "0")), "--n must be >= 1, got 0", out);
    assertFailsBeforeTheJob(run(args(model, out, "--sampler", "euler")),
        "unknown sampler 'euler' (valid: ddpm, ddim, dpmpp)", out);
    assertFailsBeforeTheJob(run(args(model, out, "--format", "jpg")),
        "unknown output format 'jpg' (expected png, npz or both)", out);
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertFailsBeforeTheJob(run(args(model, file)), "--out " + file + " is a file, not a folder", file);
  }
}
