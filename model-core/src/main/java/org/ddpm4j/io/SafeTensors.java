package org.ddpm4j.io;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length N, N bytes of JSON header
 * ({@code name -> {dtype, shape, data_offsets}} plus an optional {@code __metadata__} string map), then the raw
 * little-endian tensor data. Reading memory-maps the file; every error names the file and, where there is one, the key.
 */
public final class SafeTensors {
  private static final String METADATA = "__metadata__";
  private static final long MAX_HEADER = 100L * 1024 * 1024;

  private final Path file;
  private final Map<String, Tensor> tensors;
  private final Map<String, String> metadata;

  private SafeTensors(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
    this.file = file;
    this.tensors = tensors;
    this.metadata = metadata;
  }

  /** The file that was read. */
  public Path file() {
    return file;
  }

  /** The tensors in header order. */
  public Map<String, Tensor> tensors() {
    return Collections.unmodifiableMap(tensors);
  }

  /** The {@code __metadata__} map (empty when absent). */
  public Map<String, String> metadata() {
    return Collections.unmodifiableMap(metadata);
  }

  /** Whether the file holds the key. */
  public boolean contains(String key) {
    return tensors.containsKey(key);
  }

  /**
   * The tensor for a key.
   *
   * @throws CheckpointException naming the file and key when it is missing
   */
  public Tensor get(String key) {
    Tensor t = tensors.get(key);
    if (t == null) {
      throw new CheckpointException(file + ": missing key '" + key + "'");
    }
    return t;
  }

  /**
   * Memory-maps and parses a safetensors file.
   *
   * @throws CheckpointException for a truncated file, a header past the end of the file, invalid header JSON, an
   *     unsupported dtype or data offsets that do not match the shape
   */
  public static SafeTensors read(Path file) {
    long size;
    MappedByteBuffer map;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      size = ch.size();
      if (size < 8) {
        throw new CheckpointException(file + ": truncated file (" + size + " bytes, the 8-byte header length is missing)");
      }
      map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    map.order(ByteOrder.LITTLE_ENDIAN);
    long headerLen = map.getLong(0);
    if (headerLen < 0 || headerLen > size - 8) {
      throw new CheckpointException(file + ": header past end of file (header length " + Long.toUnsignedString(headerLen)
          + " bytes, file has " + (size - 8) + " bytes after the length)");
    }
    if (headerLen > MAX_HEADER) {
      throw new CheckpointException(file + ": header of " + headerLen + " bytes exceeds the limit of " + MAX_HEADER);
    }
    byte[] hb = new byte[(int) headerLen];
    map.get(8, hb);
    JsonObject header;
    try {
      JsonElement el = JsonParser.parseString(new String(hb, StandardCharsets.UTF_8));
      if (!el.isJsonObject()) {
        throw new CheckpointException(file + ": invalid header JSON (not an object)");
      }
      header = el.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new CheckpointException(file + ": invalid header JSON (" + e.getMessage() + ")", e);
    }
    long dataStart = 8 + headerLen;
    long dataLen = size - dataStart;
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : header.entrySet()) {
      String key = e.getKey();
      if (METADATA.equals(key)) {
        if (e.getValue().isJsonObject()) {
          e.getValue().getAsJsonObject().entrySet().forEach(m -> metadata.put(m.getKey(),
              m.getValue().isJsonPrimitive() ? m.getValue().getAsString() : m.getValue().toString()));
        }
        continue;
      }
      tensors.put(key, parseEntry(file, key, e.getValue(), map, dataStart, dataLen));
    }
    return new SafeTensors(file, tensors, metadata);
  }

  private static Tensor parseEntry(Path file, String key, JsonElement value, MappedByteBuffer map, long dataStart,
      long dataLen) {
    String where = file + ": key '" + key + "'";
    try {
      JsonObject o = value.getAsJsonObject();
      DType dtype = DType.parse(o.get("dtype").getAsString(), where);
      var shapeJson = o.getAsJsonArray("shape");
      long[] shape = new long[shapeJson.size()];
      long count = 1;
      for (int i = 0; i < shape.length; i++) {
        shape[i] = shapeJson.get(i).getAsLong();
        if (shape[i] < 0) {
          throw new CheckpointException(where + ": negative dimension in shape " + shapeJson);
        }
        count *= shape[i];
      }
      var off = o.getAsJsonArray("data_offsets");
      long begin = off.get(0).getAsLong();
      long end = off.get(1).getAsLong();
      if (begin < 0 || end < begin) {
        throw new CheckpointException(where + ": invalid data_offsets " + off);
      }
      if (end > dataLen) {
        throw new CheckpointException(where + ": truncated file (tensor data ends at byte " + end
            + " of the data section, which has only " + dataLen + " bytes)");
      }
      if (end - begin != count * dtype.bytes()) {
        throw new CheckpointException(where + ": data_offsets " + off + " hold " + (end - begin) + " bytes, but "
            + dtype + " shape " + shapeJson + " needs " + count * dtype.bytes());
      }
      ByteBuffer data = map.slice((int) (dataStart + begin), (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
      return new Tensor(key, dtype, shape, data);
    } catch (IllegalStateException | NullPointerException | UnsupportedOperationException
        | IndexOutOfBoundsException e) {
      throw new CheckpointException(where + ": invalid header entry (" + value + ")", e);
    }
  }

  /**
   * Writes tensors to a safetensors file atomically: the bytes go to a temporary file in the same folder, which is
   * then renamed over the target, so a reader never sees a half-written file.
   *
   * @param file target path
   * @param tensors tensors in the order to write
   * @param metadata the {@code __metadata__} map (may be empty)
   */
  public static void write(Path file, Collection<Tensor> tensors, Map<String, String> metadata) {
    JsonObject header = new JsonObject();
    if (!metadata.isEmpty()) {
      JsonObject m = new JsonObject();
      metadata.forEach(m::addProperty);
      header.add(METADATA, m);
    }
    long offset = 0;
    for (Tensor t : tensors) {
      JsonObject o = new JsonObject();
      o.addProperty("dtype", t.dtype().name());
      var shape = new com.google.gson.JsonArray();
      for (long d : t.shape()) {
        shape.add(d);
      }
      o.add("shape", shape);
      long len = t.size() * t.dtype().bytes();
      if (t.data().remaining() != len) {
        throw new CheckpointException(file + ": key '" + t.name() + "' has " + t.data().remaining()
            + " bytes of data, its shape needs " + len);
      }
      var off = new com.google.gson.JsonArray();
      off.add(offset);
      off.add(offset + len);
      o.add("data_offsets", off);
      header.add(t.name(), o);
      offset += len;
    }
    byte[] hb = new Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
    int padded = (hb.length + 7) / 8 * 8;
    byte[] headerBytes = new byte[padded];
    System.arraycopy(hb, 0, headerBytes, 0, hb.length);
    java.util.Arrays.fill(headerBytes, hb.length, padded, (byte) ' ');
    AtomicFiles.write(file, out -> {
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
      out.write(len.array());
      out.write(headerBytes);
      for (Tensor t : tensors) {
        writeBuffer(out, t.data());
      }
    });
  }

  private static void writeBuffer(OutputStream out, ByteBuffer data) throws IOException {
    ByteBuffer d = data.duplicate();
    byte[] chunk = new byte[1 << 16];
    while (d.hasRemaining()) {
      int n = Math.min(chunk.length, d.remaining());
      d.get(chunk, 0, n);
      out.write(chunk, 0, n);
    }
  }
}
