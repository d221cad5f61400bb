package org.ddpm4j.k8s;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cpu overlay's FID FlinkDeployment runs: its entry class, arguments and flinkConfiguration, read from the
 * rendered YAML, drive the shaded job jar on a MiniCluster ({@link ApplicationMode}). Only what cannot exist here
 * changes: the Inception network is the golden tiny TorchScript extractor with its calling convention, the samples
 * are the golden 32x32 RGB PNGs and the reference statistics a golden 64-d pytorch-fid {@code .npz}.
 */
class FidJobManifestIT {

  @Test
  void fidDeploymentRunsFromTheJobJar(@TempDir Path tmp) throws Exception {
    FlinkJob job = RenderedOverlay.of("cpu").flinkJob("ddpm4j-fid");
    Path golden = Path.of(System.getProperty("golden.dir", K8sFolder.projectRoot().resolve("../shared/golden")
        .toString())).resolve("metrics");
    Path samples = Files.createDirectories(tmp.resolve("outputs/run/samples"));
    for (int i = 0; i < 8; i++) {
      Files.copy(golden.resolve("images/rgb32_" + i + ".png"), samples.resolve(String.format("%02d.png", i)));
    }
    Path extractor = golden.resolve("tiny_feature_extractor.pt");
    Path out = tmp.resolve("outputs/run/fid");
    ApplicationMode.run(job, SampleJobManifestIT.jobJar(), SampleJobManifestIT.remap(job.args(), Map.of(
        "--samples", samples.toString(),
        "--reference", golden.resolve("fid_stats_c_set1.npz").toString(),
        "--extractor-file", extractor.toString(),
        "--out", out.toString())));

    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(extractor)));
    assertAll(
        () -> assertEquals("complete", report.path("status").asText()),
        () -> assertEquals("FID", report.path("metric").asText()),
        () -> assertTrue(Double.isFinite(report.path("value").asDouble(Double.NaN)) && report.path("value")
            .asDouble() > 0, report.toString()),
        () -> assertEquals(8, report.path("n").path("samples").asInt()),
        () -> assertTrue(report.path("kid").path("omitted").asText().contains("statistics only"), report.toString()),
        () -> assertEquals(sha, report.path("extractor").path("sha256").asText()),
        () -> assertEquals(job.parallelism(), report.path("parallelism").asInt()));
  }
}
