package org.ddpm4j.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.ddpm4j.io.CheckpointException;
import org.ddpm4j.io.DType;
import org.ddpm4j.io.Half;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.io.SafeTensors;
import org.ddpm4j.io.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading diffusers model folders: the round trip, dtype conversion, and a table of corrupt folders. */
class CheckpointLoadingTest {
  private static final String WEIGHTS = ModelFolder.WEIGHTS;

  @TempDir
  Path tmp;
  private Path folder;

  @BeforeEach
  void saveAValidFolder() {
    folder = tmp.resolve("model");
    try (UNet2DModel m = UNet2DModel.create(TestConfigs.small(0), 5)) {
      m.save(folder, null);
    }
  }

  @Test
  void saveThenLoadIsBitIdentical() {
    try (UNet2DModel original = UNet2DModel.create(TestConfigs.small(0), 5);
        UNet2DModel loaded = UNet2DModel.load(folder);
        NDManager nd = NDManager.newBaseManager()) {
      assertEquals(original.config(), loaded.config());
      assertEquals(original.keys(), loaded.keys());
      original.parameters().forEach((k, v) ->
          assertArrayEquals(v.toFloatArray(), loaded.parameters().get(k).toFloatArray(), k));
      NDArray x = nd.randomNormal(new Shape(2, 3, 8, 8));
      NDArray t = nd.create(new long[] {0, 999});
      assertArrayEquals(original.predict(x, t).toFloatArray(), loaded.predict(x, t).toFloatArray());
    }
  }

  @Test
  void halfBfloatAndDoubleWeightsAreConvertedToFloat32() throws IOException {
    Map<String, Tensor> f32 = SafeTensors.read(folder.resolve(WEIGHTS)).tensors();
    for (DType dtype : List.of(DType.F16, DType.BF16, DType.F64)) {
      Path dir = tmp.resolve(dtype.name());
      List<Tensor> converted = new ArrayList<>();
      f32.values().forEach(t -> converted.add(narrow(t, dtype)));
      ModelFolder.save(dir, ModelFolder.readJson(folder.resolve(ModelFolder.CONFIG)), converted, null);
      try (UNet2DModel m = UNet2DModel.load(dir)) {
        for (Tensor t : converted) {
          assertArrayEquals(t.toFloats(), m.parameters().get(t.name()).toFloatArray(), dtype + " " + t.name());
        }
      }
    }
    // F64 widening is exact, so those weights equal the float32 originals
    try (UNet2DModel m = UNet2DModel.load(tmp.resolve("F64"))) {
      f32.forEach((k, t) -> assertArrayEquals(t.toFloats(), m.parameters().get(k).toFloatArray(), k));
    }
  }

  /** The tensor in another dtype: F16 rounded to nearest, BF16 truncated, F64 widened. */
  private static Tensor narrow(Tensor t, DType dtype) {
    float[] v = t.toFloats();
    if (dtype == DType.F64) {
      double[] d = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        d[i] = v[i];
      }
      return Tensor.ofDoubles(t.name(), t.shape(), d);
    }
    ByteBuffer b = ByteBuffer.allocate(v.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putShort(dtype == DType.F16 ? Half.fromFloat(f) : (short) (Float.floatToIntBits(f) >>> 16));
    }
    return new Tensor(t.name(), dtype, t.shape(), b.flip());
  }

  /** A corruption of the valid folder and what the error must say. */
  record Corruption(String name, Mutation mutation, String file, List<String> mentions) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Changes a valid model folder. */
  @FunctionalInterface
  interface Mutation {
    void apply(Path folder) throws IOException;
  }

  static Stream<Arguments> corruptions() {
    return Stream.of(
        new Corruption("truncated data", d -> truncate(d.resolve(WEIGHTS), 100), WEIGHTS,
            List.of("truncated file", "conv_out.")),
        new Corruption("file shorter than the header length", d -> Files.write(d.resolve(WEIGHTS), new byte[5]),
            WEIGHTS, List.of("truncated file", "5 bytes")),
        new Corruption("header past end of file", d -> raw(d, 1 << 20, "{}", new byte[0]), WEIGHTS,
            List.of("header past end of file", "1048576")),
        new Corruption("invalid header JSON", d -> raw(d, -1, "{\"conv_in.weight\": {\"dtype\": ", new byte[0]),
            WEIGHTS, List.of("invalid header JSON")),
        new Corruption("unsupported dtype", d -> raw(d, -1,
            "{\"conv_in.bias\": {\"dtype\": \"F8_E4M3\", \"shape\": [4], \"data_offsets\": [0, 4]}}", new byte[4]),
            WEIGHTS, List.of("unsupported dtype 'F8_E4M3'", "conv_in.bias")),
        new Corruption("data offsets that do not match the shape", d -> raw(d, -1,
            "{\"conv_in.bias\": {\"dtype\": \"F32\", \"shape\": [2, 2], \"data_offsets\": [0, 12]}}",
            new byte[12]), WEIGHTS, List.of("conv_in.bias", "hold 12 bytes", "needs 16")),
        new Corruption("missing key", d -> rewrite(d, ts -> without(ts, "conv_out.bias")), WEIGHTS,
            List.of("missing key 'conv_out.bias'")),
        new Corruption("unexpected key", d -> rewrite(d, ts -> with(ts,
            Tensor.ofFloats("extra.weight", new long[] {1}, new float[] {1f}))), WEIGHTS,
            List.of("unexpected key 'extra.weight'")),
        new Corruption("shape mismatch", d -> rewrite(d, ts -> with(without(ts, "conv_out.bias"),
            Tensor.ofFloats("conv_out.bias", new long[] {2}, new float[] {0f, 0f}))), WEIGHTS,
            List.of("shape mismatch for key 'conv_out.bias'", "[2]", "[3]")),
        new Corruption("NaN weight", d -> rewrite(d, ts -> with(without(ts, "conv_out.bias"),
            Tensor.ofFloats("conv_out.bias", new long[] {3}, new float[] {0f, Float.NaN, 0f}))), WEIGHTS,
            List.of("conv_out.bias", "non-finite value (NaN) at element 1")),
        new Corruption("integer weights", d -> rewrite(d, ts -> with(without(ts, "conv_out.bias"),
            Tensor.ofLongs("conv_out.bias", new long[] {3}, new long[] {0, 1, 2}))), WEIGHTS,
            List.of("conv_out.bias", "dtype I64")),
        new Corruption("legacy and current name of one parameter", d -> rewrite(d, ts -> with(ts,
            Tensor.ofFloats("mid_block.attentions.0.query.bias", new long[] {32}, new float[32]))), WEIGHTS,
            List.of("'mid_block.attentions.0.query.bias'", "'mid_block.attentions.0.to_q.bias'")),
        new Corruption("missing config.json", d -> Files.delete(d.resolve(ModelFolder.CONFIG)), ModelFolder.CONFIG,
            List.of("missing config.json")),
        new Corruption("invalid config JSON", d -> Files.writeString(d.resolve(ModelFolder.CONFIG),
            "{\"block_out_channels\": [16, 32"), ModelFolder.CONFIG, List.of("invalid JSON")),
        new Corruption("missing weights", d -> Files.delete(d.resolve(WEIGHTS)), WEIGHTS,
            List.of("missing weights file")))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corruptions")
  void corruptFoldersAreRejectedNamingFileAndProblem(Corruption c) throws IOException {
    c.mutation().apply(folder);
    CheckpointException e = assertThrows(CheckpointException.class, () -> UNet2DModel.load(folder).close());
    assertTrue(e.getMessage().startsWith(folder.resolve(c.file()).toString()), e.getMessage());
    for (String part : c.mentions()) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
    }
  }

  @Test
  void anUnsupportedConfigValueNamesTheFieldAndFile() throws IOException {
    Path config = folder.resolve(ModelFolder.CONFIG);
    Files.writeString(config, Files.readString(config).replace("\"silu\"", "\"mish\""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UNet2DModel.load(folder));
    assertTrue(e.getMessage().startsWith(config.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("act_fn") && e.getMessage().contains("mish"), e.getMessage());
  }

  @Test
  void aRejectedCheckpointLeavesTheWeightsUnchanged() {
    try (UNet2DModel m = UNet2DModel.create(TestConfigs.small(0), 9)) {
      float[] before = m.parameters().get("conv_in.weight").toFloatArray();
      List<Tensor> bad = with(without(m.stateDict(), "conv_out.bias"),
          Tensor.ofFloats("conv_out.bias", new long[] {3}, new float[] {0f, 0f, Float.POSITIVE_INFINITY}));
      Map<String, Tensor> byKey = new java.util.LinkedHashMap<>();
      bad.forEach(t -> byKey.put(t.name(), t));
      assertThrows(CheckpointException.class, () -> m.loadStateDict(byKey, "bad.safetensors"));
      assertArrayEquals(before, m.parameters().get("conv_in.weight").toFloatArray());
    }
  }

  private static void truncate(Path file, long bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - bytes);
    }
  }

  /** Writes a safetensors file by hand: the given header length (or the JSON's own when negative), JSON, data. */
  private static void raw(Path folder, long headerLength, String json, byte[] data) throws IOException {
    byte[] h = json.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(headerLength < 0 ? h.length : headerLength).put(h).put(data);
    Files.write(folder.resolve(WEIGHTS), b.array());
  }

  private static void rewrite(Path folder, UnaryOperator<List<Tensor>> change) {
    Path file = folder.resolve(WEIGHTS);
    List<Tensor> tensors = new ArrayList<>(SafeTensors.read(file).tensors().values());
    List<Tensor> copies = new ArrayList<>();
    for (Tensor t : tensors) {
      ByteBuffer copy = ByteBuffer.allocate(t.data().remaining()).put(t.data().duplicate()).flip();
      copies.add(new Tensor(t.name(), t.dtype(), t.shape(), copy));
    }
    SafeTensors.write(file, change.apply(copies), Map.of("format", "pt"));
  }

  private static List<Tensor> without(List<Tensor> tensors, String key) {
    return tensors.stream().filter(t -> !t.name().equals(key)).toList();
  }

  private static List<Tensor> with(List<Tensor> tensors, Tensor extra) {
    List<Tensor> out = new ArrayList<>(tensors);
    out.add(extra);
    return out;
  }
}
