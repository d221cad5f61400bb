package org.ddpm4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.ddpm4j.conformance.GoldenDir;
import org.ddpm4j.io.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error handling of the TorchScript extractor (its numbers are checked by the golden metrics cases). */
class TorchScriptInceptionTest {
  private static final Path TINY = GoldenDir.root().resolve("metrics/tiny_feature_extractor.pt");

  @TempDir
  Path tmp;

  @Test
  void probesTheDimensionsAndRejectsWrongChannelCountsAndSizes() {
    try (TorchScriptInception net = TorchScriptInception.load(new TorchScriptInception.Config(TINY, 28, 28, true))) {
      assertEquals(64, net.featureDim());
      assertEquals(10, net.classes());
      assertTrue(net.id().startsWith("torchscript:tiny_feature_extractor.pt@sha256:"), net.id());
      ImageBatch gray = new ImageBatch(1, 1, 28, 28, new byte[28 * 28]);
      var e = assertThrows(IllegalArgumentException.class, () -> net.features(gray));
      assertTrue(e.getMessage().contains("got 1 channel(s)"), e.getMessage());
      assertEquals(64, net.features(gray.toRgb()).dim());
      ImageBatch wrongSize = new ImageBatch(1, 3, 32, 32, new byte[3 * 32 * 32]);
      e = assertThrows(IllegalArgumentException.class, () -> net.probabilities(wrongSize));
      assertTrue(e.getMessage().contains("needs 28x28 images, got 32x32"), e.getMessage());
    }
  }

  @Test
  void missingOrInvalidFilesAreNamed() throws Exception {
    Path missing = tmp.resolve("nothing.pt");
    var e = assertThrows(CheckpointException.class, () -> TorchScriptInception.load(
        TorchScriptInception.Config.of(missing)));
    assertTrue(e.getMessage().startsWith(missing + ": TorchScript file not found"), e.getMessage());
    Path garbage = tmp.resolve("garbage.pt");
    java.nio.file.Files.writeString(garbage, "not a model");
    e = assertThrows(CheckpointException.class, () -> TorchScriptInception.load(
        TorchScriptInception.Config.of(garbage)));
    assertTrue(e.getMessage().startsWith(garbage + ": cannot load"), e.getMessage());
  }
}
