package org.ddpm4j.k8s;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cpu overlay's sample FlinkDeployment runs: its entry class, arguments and flinkConfiguration, read from the
 * rendered YAML, drive the shaded job jar on a MiniCluster ({@link ApplicationMode}). Only what cannot exist here
 * changes: the model is the tiny golden U-Net, the output folder a temporary one, and n small. A second run of the
 * same deployment (what the Operator does after a JobManager loss) finds every sample on disk, thanks to the
 * manifest's --resume, and generates none.
 */
class SampleJobManifestIT {
  private static final int N = 10;

  @Test
  void sampleDeploymentRunsFromTheJobJarAndResumesWhenRedeployed(@TempDir Path tmp) throws Exception {
    FlinkJob job = RenderedOverlay.of("cpu").flinkJob("ddpm4j-sample");
    Path model = tinyModel(tmp.resolve("model"));
    Path out = tmp.resolve("outputs/run");
    List<String> args = remap(job.args(), Map.of("--model", model.toString(), "--out", out.toString(),
        "--n", String.valueOf(N)));

    ApplicationMode.run(job, jobJar(), args);
    JsonNode first = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    List<Path> pngs = pngs(out.resolve("samples"));
    BufferedImage image = ImageIO.read(pngs.get(0).toFile());
    JsonNode config = new ObjectMapper().readTree(model.resolve("config.json").toFile());
    assertAll("first run",
        () -> assertEquals("complete", first.path("status").asText()),
        () -> assertEquals(N, first.path("count").asInt()),
        () -> assertEquals(N, first.path("generated").asInt()),
        () -> assertEquals(job.parallelism(), first.path("parallelism").asInt()),
        () -> assertEquals(N, pngs.size()),
        () -> assertEquals(config.path("sample_size").asInt(), image.getWidth()),
        () -> assertEquals(config.path("sample_size").asInt(), image.getHeight()));

    ApplicationMode.run(job, jobJar(), args);
    JsonNode second = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertAll("redeployed run",
        () -> assertEquals("complete", second.path("status").asText()),
        () -> assertEquals(0, second.path("generated").asInt()),
        () -> assertEquals(N, second.path("skippedOnResume").asInt()),
        () -> assertEquals(N, pngs(out.resolve("samples")).size()));
  }

  /** The arguments with the values of the given options replaced; every option must be there. */
  static List<String> remap(List<String> args, Map<String, String> values) {
    List<String> result = new ArrayList<>(args);
    values.forEach((option, value) -> {
      int i = result.indexOf(option);
      assertTrue(i >= 0 && i + 1 < result.size(), "the deployment's arguments have no " + option + ": " + args);
      result.set(i + 1, value);
    });
    return result;
  }

  private static List<Path> pngs(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".png")).sorted().toList();
    }
  }

  /** The tiny golden U-Net with the DDPM scheduler config of the CIFAR-10 model, as a diffusers model folder. */
  private static Path tinyModel(Path dir) throws IOException {
    Path golden = Path.of(System.getProperty("golden.dir", K8sFolder.projectRoot().resolve("../shared/golden")
        .toString()));
    Files.createDirectories(dir);
    Files.copy(golden.resolve("unet_tiny/config.json"), dir.resolve("config.json"));
    Files.copy(golden.resolve("unet_tiny/diffusion_pytorch_model.safetensors"),
        dir.resolve("diffusion_pytorch_model.safetensors"));
    Files.copy(golden.resolve("ddpm_cifar10_32/scheduler_config.json"), dir.resolve("scheduler_config.json"));
    return dir;
  }

  static Path jobJar() {
    Path jar = Path.of(System.getProperty("job.jar", "../flink-jobs/target/flink-jobs-0.1.0-SNAPSHOT-job.jar"));
    assertTrue(Files.isRegularFile(jar),
        "no job jar at " + jar + " (flink-jobs' package phase makes it: ./mvnw verify)");
    return jar;
  }
}
