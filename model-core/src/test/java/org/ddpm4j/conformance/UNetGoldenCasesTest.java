package org.ddpm4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.io.SafeTensors;
import org.ddpm4j.io.Tensor;
import org.ddpm4j.unet.UNet2DModel;
import org.ddpm4j.unet.UNetConfig;
import org.junit.jupiter.api.Test;

/** The discovery and the divergence report of {@link UNetGoldenCases}. */
class UNetGoldenCasesTest {
  private static final Path TINY = GoldenDir.root().resolve("unet_tiny");

  @Test
  void findsTheCaseNamesBeforeDotX() {
    assertEquals(List.of("a", "b", "c"), UNetGoldenCases.caseNames(SafeTensors.read(TINY.resolve("cases.safetensors"))));
  }

  @Test
  void namesTheFirstDivergingIntermediate() {
    SafeTensors cases = SafeTensors.read(TINY.resolve("cases.safetensors"));
    SafeTensors inter = SafeTensors.read(TINY.resolve("intermediates.safetensors"));
    ModelFolder folder = ModelFolder.open(TINY);
    UNetConfig config = UNetConfig.fromJson(folder.config(), "tiny");
    try (UNet2DModel exact = UNet2DModel.load(TINY)) {
      assertTrue(UNetGoldenCases.diagnose(exact, cases, inter).endsWith("no intermediate diverges; the difference "
          + "arises after the last recorded one"));
    }
    Map<String, Tensor> weights = new LinkedHashMap<>(folder.weights().tensors());
    String key = "up_blocks.0.resnets.1.conv2.bias";
    float[] bias = weights.get(key).toFloats();
    bias[0] += 0.01f;
    weights.put(key, Tensor.ofFloats(key, weights.get(key).shape(), bias));
    try (UNet2DModel slipped = UNet2DModel.fromStateDict(config, weights, "perturbed")) {
      String report = UNetGoldenCases.diagnose(slipped, cases, inter);
      assertTrue(report.contains("FIRST DIVERGENCE: up_blocks.0.resnets.1 differs by"), report);
      assertTrue(report.contains("  up_blocks.0.attentions.0: "), "earlier intermediates are listed: " + report);
    }
  }
}
