package org.ddpm4j.eval.fmnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ddpm4j.eval.ImageBatch;
import org.ddpm4j.io.CheckpointException;
import org.ddpm4j.io.SafeTensors;
import org.ddpm4j.io.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing and loading classifier folders, and every way a folder can be broken. */
class ClassifierFolderTest {
  static final ClassifierConfig TINY = new ClassifierConfig(8, 1, 2, 3, 4, 5);

  @TempDir Path dir;
  Path weights;

  @BeforeEach
  void writeTinyClassifier() {
    try (NDManager m = NDManager.newBaseManager(); ClassifierNetwork n = ClassifierNetwork.initialized(TINY, m, 7)) {
      ClassifierFolder.write(dir, n, Map.of("format", "pt"));
    }
    weights = dir.resolve("model.safetensors");
  }

  @Test
  void loadsTheWeightsThatWereWritten() {
    try (NDManager m = NDManager.newBaseManager();
        ClassifierNetwork written = ClassifierNetwork.initialized(TINY, m, 7);
        FmnistClassifier loaded = FmnistClassifier.load(dir)) {
      assertEquals(TINY, loaded.config());
      for (Tensor t : written.toTensors()) {
        assertArrayEquals(t.toFloats(), SafeTensors.read(weights).get(t.name()).toFloats(), t.name());
      }
      byte[] pixels = new byte[2 * 64];
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (byte) (i * 2);
      }
      NDArray images = m.create(java.nio.ByteBuffer.wrap(pixels), new Shape(2, 1, 8, 8), DataType.UINT8);
      assertArrayEquals(
          written.infer(images, ClassifierNetwork.Activations::features).toFloatArray(),
          loaded.features(new ImageBatch(2, 1, 8, 8, pixels)).values());
    }
  }

  @Test
  void inferenceLeavesOnlyItsResultInTheCallersManagerAndTakesOnlyUint8() {
    try (NDManager m = NDManager.newBaseManager(); ClassifierNetwork n = ClassifierNetwork.initialized(TINY, m, 7)) {
      NDArray images = m.zeros(new Shape(3, 1, 8, 8), DataType.UINT8);
      int before = m.getManagedArrays().size();
      NDArray logits = n.infer(images, ClassifierNetwork.Activations::logits);
      assertEquals(new Shape(3, 5), logits.getShape());
      assertEquals(before + 1, m.getManagedArrays().size());
      NDArray floats = m.zeros(new Shape(3, 1, 8, 8), DataType.FLOAT32);
      var e = assertThrows(IllegalArgumentException.class, () -> n.infer(floats, ClassifierNetwork.Activations::logits));
      assertTrue(e.getMessage().contains("uint8") && e.getMessage().contains("float32"), e.getMessage());
    }
  }

  @Test
  void differentSeedsGiveDifferentWeightsWithinTorchsDefaultBounds() {
    try (NDManager m = NDManager.newBaseManager();
        ClassifierNetwork a = ClassifierNetwork.initialized(TINY, m, 7);
        ClassifierNetwork b = ClassifierNetwork.initialized(TINY, m, 8)) {
      float[] wa = a.parameters().get("fc1.weight").toFloatArray();
      float[] wb = b.parameters().get("fc1.weight").toFloatArray();
      double bound = 1 / Math.sqrt(TINY.flatDim());
      boolean differ = false;
      for (int i = 0; i < wa.length; i++) {
        assertTrue(Math.abs(wa[i]) < bound, "fc1.weight[" + i + "] = " + wa[i] + " outside +-" + bound);
        differ |= wa[i] != wb[i];
      }
      assertTrue(differ);
    }
  }

  @Test
  void missingFolderIsNamed() {
    Path missing = dir.resolve("nope");
    var e = assertThrows(CheckpointException.class, () -> FmnistClassifier.load(missing));
    assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void missingWeightsFileIsNamed() throws IOException {
    Files.delete(weights);
    var e = assertThrows(CheckpointException.class, () -> FmnistClassifier.load(dir));
    assertTrue(e.getMessage().contains(weights.toString()) && e.getMessage().contains("missing"), e.getMessage());
  }

  @Test
  void truncatedWeightsFileIsNamed() throws IOException {
    byte[] bytes = Files.readAllBytes(weights);
    Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    var e = assertThrows(CheckpointException.class, () -> FmnistClassifier.load(dir));
    assertTrue(e.getMessage().contains(weights.toString()), e.getMessage());
  }

  @Test
  void missingKeyIsNamed() {
    rewrite(t -> t.name().equals("fc2.bias") ? null : t);
    var e = assertThrows(CheckpointException.class, () -> FmnistClassifier.load(dir));
    assertTrue(e.getMessage().contains(weights.toString()) && e.getMessage().contains("'fc2.bias'"), e.getMessage());
  }

  @Test
  void unexpectedKeyIsNamed() {
    rewrite(t -> t.name().equals("fc2.bias") ? Tensor.ofFloats("fc3.bias", t.shape(), t.toFloats()) : t);
    var e = assertThrows(CheckpointException.class, () -> FmnistClassifier.load(dir));
    assertTrue(e.getMessage().contains("unexpected key 'fc3.bias'"), e.getMessage());
  }

  @Test
  void wrongShapeIsNamed() {
    rewrite(t -> t.name().equals("conv2.bias") ? Tensor.ofFloats(t.name(), new long[] {4}, new float[4]) : t);
    var e = assertThrows(CheckpointException.class, () -> FmnistClassifier.load(dir));
    assertTrue(e.getMessage().contains("'conv2.bias'") && e.getMessage().contains("[4]"), e.getMessage());
  }

  @Test
  void nonFiniteWeightIsNamed() {
    rewrite(t -> {
      if (!t.name().equals("conv1.weight")) {
        return t;
      }
      float[] v = t.toFloats();
      v[5] = Float.NaN;
      return Tensor.ofFloats(t.name(), t.shape(), v);
    });
    var e = assertThrows(CheckpointException.class, () -> FmnistClassifier.load(dir));
    assertTrue(e.getMessage().contains("'conv1.weight'") && e.getMessage().contains("element 5"), e.getMessage());
  }

  @Test
  void wrongDtypeIsNamed() {
    rewrite(t -> t.name().equals("fc1.bias") ? Tensor.ofDoubles(t.name(), t.shape(), t.toDoubles()) : t);
    var e = assertThrows(CheckpointException.class, () -> FmnistClassifier.load(dir));
    assertTrue(e.getMessage().contains("'fc1.bias'") && e.getMessage().contains("F64"), e.getMessage());
  }

  @Test
  void configOfAnotherArchitectureOrWithoutAFieldIsNamed() throws IOException {
    Path config = dir.resolve("config.json");
    String json = Files.readString(config);
    Files.writeString(config, json.replace("ddpm4j-fmnist-cnn-v1", "resnet"));
    var e = assertThrows(CheckpointException.class, () -> FmnistClassifier.load(dir));
    assertTrue(e.getMessage().contains(config.toString()) && e.getMessage().contains("'resnet'"), e.getMessage());
    Files.writeString(config, json.replace("\"feature_dim\"", "\"features\""));
    e = assertThrows(CheckpointException.class, () -> FmnistClassifier.load(dir));
    assertTrue(e.getMessage().contains("'feature_dim'"), e.getMessage());
    Files.writeString(config, json.replace("\"image_size\": 8", "\"image_size\": 10"));
    e = assertThrows(CheckpointException.class, () -> FmnistClassifier.load(dir));
    assertTrue(e.getMessage().contains("image_size must be a multiple of 4") && e.getMessage().contains("got 10"), e.getMessage());
  }

  @Test
  void configRoundTrips() {
    assertEquals(TINY, ClassifierConfig.read(dir.resolve("config.json")));
  }

  /** Rewrites the weights file with each tensor mapped (null drops it). */
  private void rewrite(java.util.function.UnaryOperator<Tensor> change) {
    List<Tensor> tensors = new ArrayList<>();
    for (Tensor t : SafeTensors.read(weights).tensors().values()) {
      Tensor c = change.apply(copy(t));
      if (c != null) {
        tensors.add(c);
      }
    }
    SafeTensors.write(weights, tensors, Map.of());
  }

  /** A heap copy, so the memory-mapped file can be replaced. */
  private static Tensor copy(Tensor t) {
    return Tensor.ofFloats(t.name(), t.shape(), t.toFloats());
  }
}
