package org.ddpm4j.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ddpm4j.conformance.GoldenDir;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.io.Tensor;
import org.junit.jupiter.api.Test;

class UNet2DModelTest {
  private static final Path GOLDEN = GoldenDir.root();

  @Test
  void cifar10ArchitectureHasExactlyTheDiffusersKeysShapesAndCount() {
    JsonObject keysJson = ModelFolder.readJson(GOLDEN.resolve("ddpm_cifar10_32/keys.json"));
    List<String> names = new ArrayList<>();
    Map<String, List<Long>> shapes = new LinkedHashMap<>();
    for (JsonElement e : keysJson.getAsJsonArray("keys")) {
      JsonObject k = e.getAsJsonObject();
      names.add(k.get("name").getAsString());
      List<Long> shape = new ArrayList<>();
      k.getAsJsonArray("shape").forEach(d -> shape.add(d.getAsLong()));
      shapes.put(k.get("name").getAsString(), shape);
    }
    assertEquals(328, names.size());
    try (UNet2DModel m = UNet2DModel.create(TestConfigs.cifar10(GOLDEN), 0)) {
      assertEquals(names, m.keys(), "keys in state_dict order");
      m.shapes().forEach((k, s) -> assertEquals(shapes.get(k), toList(s.getShape()), k));
      assertEquals(35_746_307L, m.parameterCount());
      assertEquals(keysJson.get("total_parameters").getAsLong(), m.parameterCount());
    }
  }

  @Test
  void checkpointWithLegacyAttentionNamesLoadsAndGivesTheSameOutput() {
    JsonObject keysJson = ModelFolder.readJson(GOLDEN.resolve("ddpm_cifar10_32/keys.json"));
    Map<String, String> legacyName = new LinkedHashMap<>();
    for (JsonElement e : keysJson.getAsJsonArray("keys")) {
      JsonObject k = e.getAsJsonObject();
      if (k.has("legacy_name")) {
        legacyName.put(k.get("name").getAsString(), k.get("legacy_name").getAsString());
      }
    }
    assertEquals(48, legacyName.size());
    UNetConfig config = TestConfigs.cifar10(GOLDEN);
    try (UNet2DModel original = UNet2DModel.create(config, 7); NDManager nd = NDManager.newBaseManager()) {
      Map<String, Tensor> legacy = new LinkedHashMap<>();
      for (Tensor t : original.stateDict()) {
        String name = legacyName.getOrDefault(t.name(), t.name());
        legacy.put(name, new Tensor(name, t.dtype(), t.shape(), t.data()));
      }
      assertTrue(legacy.containsKey("mid_block.attentions.0.proj_attn.weight"));
      assertFalse(legacy.containsKey("mid_block.attentions.0.to_out.0.weight"));
      try (UNet2DModel loaded = UNet2DModel.fromStateDict(config, legacy, "legacy.safetensors")) {
        original.parameters().forEach((k, v) ->
            assertArrayEquals(v.toFloatArray(), loaded.parameters().get(k).toFloatArray(), k));
        NDArray x = nd.randomNormal(new Shape(2, 3, 32, 32));
        NDArray t = nd.create(new long[] {10, 900});
        assertArrayEquals(original.predict(x, t).toFloatArray(), loaded.predict(x, t).toFloatArray());
      }
    }
  }

  @Test
  void initialisationIsTorchDefaultAndReproducible() {
    try (UNet2DModel a = UNet2DModel.create(TestConfigs.small(0), 42);
        UNet2DModel b = UNet2DModel.create(TestConfigs.small(0), 42);
        UNet2DModel c = UNet2DModel.create(TestConfigs.small(0), 43)) {
      a.parameters().forEach((k, v) -> assertArrayEquals(v.toFloatArray(), b.parameters().get(k).toFloatArray(), k));
      assertFalse(java.util.Arrays.equals(a.parameters().get("conv_in.weight").toFloatArray(),
          c.parameters().get("conv_in.weight").toFloatArray()));
      for (float v : a.parameters().get("conv_norm_out.weight").toFloatArray()) {
        assertEquals(1f, v);
      }
      for (float v : a.parameters().get("down_blocks.1.attentions.0.group_norm.bias").toFloatArray()) {
        assertEquals(0f, v);
      }
      // up_blocks.0.resnets.0.conv1: in = 32 + 32 channels, fan_in = 64 * 9; U(-b, b) has variance b^2 / 3
      double bound = 1 / Math.sqrt(64 * 9);
      float[] w = a.parameters().get("up_blocks.0.resnets.0.conv1.weight").toFloatArray();
      double sum = 0;
      double sq = 0;
      for (float v : w) {
        assertTrue(Math.abs(v) <= bound, "within the bound");
        sum += v;
        sq += v * v;
      }
      assertEquals(32 * 64 * 9, w.length);
      assertEquals(0, sum / w.length, 0.1 * bound);
      assertEquals(bound * bound / 3, sq / w.length, 0.1 * bound * bound / 3);
      float[] bias = a.parameters().get("time_embedding.linear_2.bias").toFloatArray();
      for (float v : bias) {
        assertTrue(Math.abs(v) <= 1 / Math.sqrt(64), "linear bias bound 1/sqrt(fan_in)");
      }
    }
  }

  @Test
  void predictClosesEveryTemporaryAndRestoresTheGradientMode() {
    try (UNet2DModel m = UNet2DModel.create(TestConfigs.small(0), 1); NDManager nd = NDManager.newBaseManager()) {
      NDArray x = nd.randomNormal(new Shape(2, 3, 8, 8));
      NDArray t = nd.create(new long[] {3, 700});
      m.predict(x, t).close();
      int before = nd.getManagedArrays().size();
      boolean grad = JniUtils.isGradMode();
      NDArray eps = m.predict(x, t);
      assertEquals(grad, JniUtils.isGradMode());
      assertEquals(before + 1, nd.getManagedArrays().size(), "only the result stays");
      assertEquals(nd, eps.getManager());
      assertEquals(nd, x.getManager());
      assertEquals(new Shape(2, 3, 8, 8), eps.getShape());
      NDArray again = m.forward(x, t, false);
      assertArrayEquals(eps.toFloatArray(), again.toFloatArray(), 1e-6f, "forward(training=false) = predict");
    }
  }

  @Test
  void aSingleTimestepIsBroadcastToTheBatch() {
    try (UNet2DModel m = UNet2DModel.create(TestConfigs.small(0), 1); NDManager nd = NDManager.newBaseManager()) {
      NDArray x = nd.randomNormal(new Shape(3, 3, 8, 8));
      float[] each = m.predict(x, nd.create(new long[] {250, 250, 250})).toFloatArray();
      assertArrayEquals(each, m.predict(x, nd.create(250L)).toFloatArray());
      assertArrayEquals(each, m.predict(x, nd.create(new long[] {250})).toFloatArray());
      assertArrayEquals(each, m.predict(x, nd.create(new float[] {250f})).toFloatArray());
    }
  }

  @Test
  void samplesInABatchDoNotInfluenceEachOther() {
    try (UNet2DModel m = UNet2DModel.create(TestConfigs.small(0), 1); NDManager nd = NDManager.newBaseManager()) {
      NDArray x = nd.randomNormal(new Shape(3, 3, 8, 8));
      long[] ts = {999, 0, 500};
      float[] batch = m.predict(x, nd.create(ts)).toFloatArray();
      int per = 3 * 8 * 8;
      for (int i = 0; i < 3; i++) {
        float[] single = m.predict(x.get(i).expandDims(0), nd.create(new long[] {ts[i]})).toFloatArray();
        float[] part = java.util.Arrays.copyOfRange(batch, i * per, (i + 1) * per);
        assertArrayEquals(single, part, 1e-5f, "sample " + i);
      }
    }
  }

  @Test
  void dropoutActsOnlyWhenTraining() {
    try (UNet2DModel m = UNet2DModel.create(TestConfigs.small(0.5), 1); NDManager nd = NDManager.newBaseManager()) {
      NDArray x = nd.randomNormal(new Shape(2, 3, 8, 8));
      NDArray t = nd.create(new long[] {5, 600});
      float[] eval = m.predict(x, t).toFloatArray();
      assertArrayEquals(eval, m.forward(x, t, false).toFloatArray(), 1e-6f);
      float[] train = m.forward(x, t, true).toFloatArray();
      double diff = 0;
      for (int i = 0; i < eval.length; i++) {
        diff = Math.max(diff, Math.abs(eval[i] - train[i]));
      }
      assertTrue(diff > 1e-3, "dropout changes the output while training: " + diff);
    }
  }

  @Test
  void gradientsReachEveryParameterAndMatchTheAnalyticBiasGradient() {
    try (UNet2DModel m = UNet2DModel.create(TestConfigs.small(0), 3); NDManager nd = NDManager.newBaseManager()) {
      m.parameters().values().forEach(p -> p.setRequiresGradient(true));
      NDArray x = nd.randomNormal(new Shape(2, 3, 8, 8));
      NDArray t = nd.create(new long[] {100, 800});
      NDArray r = nd.randomNormal(new Shape(2, 3, 8, 8));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray eps = m.forward(x, t, true);
        gc.backward(eps.mul(r).sum());
      }
      // d/d conv_out.bias[c] of sum(eps * r) = sum of r over batch and positions of channel c
      float[] expected = r.sum(new int[] {0, 2, 3}).toFloatArray();
      assertArrayEquals(expected, m.parameters().get("conv_out.bias").getGradient().toFloatArray(), 1e-4f);
      m.parameters().forEach((k, p) -> {
        float[] g = p.getGradient().toFloatArray();
        double norm = 0;
        for (float v : g) {
          norm += v * v;
        }
        assertTrue(norm > 0 && Double.isFinite(norm), "gradient of " + k);
      });
    }
  }

  /**
   * Autograd keeps the scalar operand of a recorded multiplication (the attention scale) for the backward pass. When
   * that scalar lived in a Java direct buffer (DJL's {@code mul(Number)}), a garbage collection between forward and
   * backward freed it, and the backward pass read whatever was written there next: NaN here, or a wrong gradient.
   */
  @Test
  void gradientIsUnchangedByAGarbageCollectionBetweenForwardAndBackward() throws InterruptedException {
    try (UNet2DModel m = UNet2DModel.create(TestConfigs.small(0), 3); NDManager nd = NDManager.newBaseManager()) {
      m.parameters().values().forEach(p -> p.setRequiresGradient(true));
      NDArray x = nd.randomNormal(new Shape(2, 3, 8, 8));
      NDArray t = nd.create(new long[] {100, 800});
      Map<String, float[]> reference = gradients(m, x, t, false);
      for (int rep = 0; rep < 3; rep++) {
        Map<String, float[]> again = gradients(m, x, t, true);
        reference.forEach((k, g) -> assertArrayEquals(g, again.get(k), k));
      }
    }
  }

  private static Map<String, float[]> gradients(UNet2DModel m, NDArray x, NDArray t, boolean collectGarbage)
      throws InterruptedException {
    Map<String, float[]> out = new LinkedHashMap<>();
    try (NDManager step = x.getManager().newSubManager()) {
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray eps = m.forward(x, t, true);
        eps.attach(step);
        List<ByteBuffer> filler = collectGarbage ? overwriteFreedDirectMemory() : List.of();
        collector.backward(eps.sum());
        Reference.reachabilityFence(filler);
      }
      m.parameters().forEach((k, p) -> {
        NDArray g = p.getGradient();
        g.attach(step);
        out.put(k, g.toFloatArray());
        JniUtils.zeroGrad((PtNDArray) p);
      });
    }
    return out;
  }

  /**
   * Frees unreachable direct buffers (GC, then their cleaners) and fills new ones with NaN, likely at the same
   * addresses; the caller keeps them alive until its backward pass is done.
   */
  private static List<ByteBuffer> overwriteFreedDirectMemory() throws InterruptedException {
    System.gc();
    Thread.sleep(50);
    List<ByteBuffer> filler = new ArrayList<>();
    for (int i = 0; i < 4096; i++) {
      filler.add(ByteBuffer.allocateDirect(4).putFloat(0, Float.NaN));
    }
    return filler;
  }

  @Test
  void recordsTheDiffusersIntermediatesInForwardOrder() {
    List<String> names = new ArrayList<>();
    try (UNet2DModel m = UNet2DModel.create(TestConfigs.small(0), 1); NDManager nd = NDManager.newBaseManager()) {
      m.forward(nd.randomNormal(new Shape(1, 3, 8, 8)), nd.create(1L), false, (n, v) -> names.add(n));
    }
    assertEquals(List.of("time_proj", "time_embedding", "conv_in",
        "down_blocks.0.resnets.0", "down_blocks.0.downsamplers.0", "down_blocks.0",
        "down_blocks.1.resnets.0", "down_blocks.1.attentions.0", "down_blocks.1",
        "mid_block.resnets.0", "mid_block.attentions.0", "mid_block.resnets.1", "mid_block",
        "up_blocks.0.resnets.0", "up_blocks.0.attentions.0", "up_blocks.0.resnets.1", "up_blocks.0.attentions.1",
        "up_blocks.0.upsamplers.0", "up_blocks.0",
        "up_blocks.1.resnets.0", "up_blocks.1.resnets.1", "up_blocks.1",
        "conv_norm_out", "conv_act", "conv_out"), names);
  }

  @Test
  void rejectsInputsItCannotRun() {
    try (UNet2DModel m = UNet2DModel.create(TestConfigs.small(0), 1); NDManager nd = NDManager.newBaseManager()) {
      NDArray t = nd.create(new long[] {1, 2});
      assertMessage(() -> m.predict(nd.zeros(new Shape(2, 1, 8, 8)), t), "[B, 3, H, W]");
      assertMessage(() -> m.predict(nd.zeros(new Shape(2, 3, 8, 8), DataType.FLOAT64), t), "float32");
      assertMessage(() -> m.predict(nd.zeros(new Shape(2, 3, 7, 8)), t), "multiples of 2");
      assertMessage(() -> m.predict(nd.zeros(new Shape(3, 3, 8, 8)), t), "batch size 3");
    }
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  private static List<Long> toList(long[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }
}
