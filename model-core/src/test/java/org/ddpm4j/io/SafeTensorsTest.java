package org.ddpm4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
  @TempDir
  Path dir;

  /** A tensor from raw little-endian 16-bit patterns. */
  static Tensor ofShorts(String name, DType dtype, long[] shape, short[] bits) {
    ByteBuffer b = ByteBuffer.allocate(bits.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : bits) {
      b.putShort(s);
    }
    return new Tensor(name, dtype, shape, b.flip());
  }

  @Test
  void roundTripsEveryDtypeWithMetadata() throws IOException {
    float[] f32 = {1.5f, -2.25f, Float.MIN_VALUE, 3e38f, -0f, 7f};
    double[] f64 = {Math.PI, -1e-300, 1e300, 0.1};
    long[] i64 = {Long.MIN_VALUE, -1, 0, 999, Long.MAX_VALUE};
    short[] f16 = {0x3c00, (short) 0xc000, 0x0001, 0x7bff};
    // bfloat16 = upper half of a float32: 1.0 = 0x3f80, -2.0 = 0xc000, 3.140625 = 0x4049
    short[] bf16 = {0x3f80, (short) 0xc000, 0x4049, 0};
    List<Tensor> tensors = List.of(
        Tensor.ofFloats("a.f32", new long[] {2, 3}, f32),
        Tensor.ofDoubles("b.f64", new long[] {4}, f64),
        Tensor.ofLongs("c.i64", new long[] {5}, i64),
        ofShorts("d.f16", DType.F16, new long[] {2, 2}, f16),
        ofShorts("e.bf16", DType.BF16, new long[] {4}, bf16),
        Tensor.ofFloats("f.scalar", new long[] {}, new float[] {42f}));
    Path file = dir.resolve("t.safetensors");
    SafeTensors.write(file, tensors, Map.of("format", "pt", "note", "x"));

    SafeTensors s = SafeTensors.read(file);
    assertEquals(Map.of("format", "pt", "note", "x"), s.metadata());
    assertEquals(List.of("a.f32", "b.f64", "c.i64", "d.f16", "e.bf16", "f.scalar"), List.copyOf(s.tensors().keySet()));
    assertArrayEquals(f32, s.get("a.f32").toFloats());
    assertArrayEquals(new long[] {2, 3}, s.get("a.f32").shape());
    assertArrayEquals(f64, s.get("b.f64").toDoubles());
    assertArrayEquals(i64, s.get("c.i64").toLongs());
    assertArrayEquals(new float[] {1f, -2f, 0x1p-24f, 65504f}, s.get("d.f16").toFloats());
    assertArrayEquals(new float[] {1f, -2f, 3.140625f, 0f}, s.get("e.bf16").toFloats());
    assertEquals(DType.BF16, s.get("e.bf16").dtype());
    assertArrayEquals(new float[] {42f}, s.get("f.scalar").toFloats());
    assertArrayEquals(new long[] {}, s.get("f.scalar").shape());

    // the layout other readers expect: u64 header length, a multiple of 8, JSON offsets packed in order
    byte[] bytes = Files.readAllBytes(file);
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    assertEquals(0, n % 8);
    JsonObject header = JsonParser.parseString(new String(bytes, 8, (int) n, StandardCharsets.UTF_8))
        .getAsJsonObject();
    assertEquals("[0,24]", header.getAsJsonObject("a.f32").get("data_offsets").toString());
    assertEquals("[24,56]", header.getAsJsonObject("b.f64").get("data_offsets").toString());
    assertEquals("F16", header.getAsJsonObject("d.f16").get("dtype").getAsString());
    assertEquals(8 + n + 24 + 32 + 40 + 8 + 8 + 4, bytes.length);
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }
}
