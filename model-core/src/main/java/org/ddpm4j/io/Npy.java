package org.ddpm4j.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The numpy {@code .npy} format: magic {@code \x93NUMPY}, version (1.0, 2.0 or 3.0), a little-endian header length
 * (2 bytes in 1.0, 4 in 2.0/3.0), a Python-literal header {@code {'descr': ..., 'fortran_order': ..., 'shape': ...}}
 * and the raw array data. Reads C-order arrays of the types of {@link NpyType}; writes them exactly as numpy 1.24's
 * {@code np.save} does (version 1.0 unless the header needs 2.0, header padded so the data starts at a multiple of
 * 64 bytes).
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int ALIGN = 64;
  /** numpy leaves room in the header for the first axis to grow to this many digits. */
  private static final int GROWTH_AXIS_MAX_DIGITS = 21;
  private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
  private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /**
   * Reads a {@code .npy} file.
   *
   * @throws CheckpointException naming the file for an unreadable file, a bad header, Fortran order, an unsupported
   *     dtype or missing data
   */
  public static NpyArray read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    return decode(ByteBuffer.wrap(bytes), file.toString());
  }

  /** Writes a {@code .npy} file atomically (temporary file, then rename). */
  public static void write(Path file, NpyArray array) {
    byte[] header = header(array);
    AtomicFiles.write(file, out -> {
      out.write(header);
      writeData(out, array.data());
    });
  }

  /**
   * Parses the bytes of a {@code .npy} file.
   *
   * @param where file (and array) named in error messages
   */
  static NpyArray decode(ByteBuffer bytes, String where) {
    ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (b.remaining() < MAGIC.length + 4) {
      throw new CheckpointException(where + ": not an .npy array (" + b.remaining() + " bytes)");
    }
    for (byte m : MAGIC) {
      if (b.get() != m) {
        throw new CheckpointException(where + ": not an .npy array (magic \\x93NUMPY missing)");
      }
    }
    int major = b.get() & 0xff;
    int minor = b.get() & 0xff;
    long headerLen;
    if (major == 1) {
      headerLen = b.getShort() & 0xffff;
    } else if (major == 2 || major == 3) {
      if (b.remaining() < 4) {
        throw new CheckpointException(where + ": truncated .npy header");
      }
      headerLen = b.getInt() & 0xffffffffL;
    } else {
      throw new CheckpointException(where + ": unsupported .npy format version " + major + "." + minor);
    }
    if (headerLen > b.remaining()) {
      throw new CheckpointException(where + ": truncated .npy header (" + headerLen + " bytes announced, "
          + b.remaining() + " present)");
    }
    byte[] hb = new byte[(int) headerLen];
    b.get(hb);
    String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    NpyType type = NpyType.parse(field(DESCR, header, "descr", where), where);
    if (field(FORTRAN, header, "fortran_order", where).equals("True")) {
      throw new CheckpointException(where + ": Fortran-order arrays are not supported (save a C-order array, e.g. "
          + "np.ascontiguousarray)");
    }
    long[] shape = parseShape(field(SHAPE, header, "shape", where), where);
    long count = 1;
    for (long d : shape) {
      count = Math.multiplyExact(count, d);
    }
    long need = count * type.bytes();
    if (b.remaining() < need) {
      throw new CheckpointException(where + ": truncated data (" + type.descr() + " shape " + formatShape(shape)
          + " needs " + need + " bytes, " + b.remaining() + " present)");
    }
    ByteBuffer data = b.slice();
    data.limit((int) need);
    return new NpyArray(type, shape, data);
  }

  private static String field(Pattern p, String header, String key, String where) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new CheckpointException(where + ": .npy header has no valid '" + key + "' entry: " + header.trim());
    }
    return m.group(1);
  }

  private static long[] parseShape(String tuple, String where) {
    String t = tuple.trim();
    if (t.isEmpty()) {
      return new long[0];
    }
    String[] parts = t.split(",");
    int n = parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
    long[] shape = new long[n];
    try {
      for (int i = 0; i < n; i++) {
        String p = parts[i].trim();
        shape[i] = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
        if (shape[i] < 0) {
          throw new NumberFormatException("negative");
        }
      }
    } catch (NumberFormatException e) {
      throw new CheckpointException(where + ": invalid shape (" + tuple + ") in .npy header");
    }
    return shape;
  }

  /** The shape as Python writes a tuple: {@code ()}, {@code (5,)}, {@code (2, 3)}. */
  private static String formatShape(long[] shape) {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      s.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return s.append(')').toString();
  }

  /** Magic, version, length and padded header, as numpy 1.24 writes them. */
  static byte[] header(NpyArray array) {
    long[] shape = array.shape();
    StringBuilder dict = new StringBuilder("{'descr': '").append(array.type().descr())
        .append("', 'fortran_order': False, 'shape': ").append(formatShape(shape)).append(", }");
    if (shape.length > 0) {
      dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length()));
    }
    int hlen = dict.length() + 1;
    int version = 1;
    int lenBytes = 2;
    int pad = ALIGN - ((MAGIC.length + 2 + lenBytes + hlen) % ALIGN);
    if (hlen + pad > 0xffff) {
      version = 2;
      lenBytes = 4;
      pad = ALIGN - ((MAGIC.length + 2 + lenBytes + hlen) % ALIGN);
    }
    ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + lenBytes + hlen + pad).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) version).put((byte) 0);
    if (version == 1) {
      b.putShort((short) (hlen + pad));
    } else {
      b.putInt(hlen + pad);
    }
    b.put(dict.toString().getBytes(StandardCharsets.ISO_8859_1));
    b.put(" ".repeat(pad).getBytes(StandardCharsets.ISO_8859_1)).put((byte) '\n');
    return b.array();
  }

  /** Size in bytes of the encoded array. */
  static long encodedSize(byte[] header, NpyArray array) {
    return header.length + (long) array.data().remaining();
  }

  /** CRC-32 of the encoded array (header bytes, then data). */
  static long crc32(byte[] header, NpyArray array) {
    CRC32 crc = new CRC32();
    crc.update(header);
    crc.update(array.data().duplicate());
    return crc.getValue();
  }

  /** Writes the raw data bytes. */
  static void writeData(OutputStream out, ByteBuffer data) throws IOException {
    ByteBuffer d = data.duplicate();
    byte[] chunk = new byte[1 << 16];
    while (d.hasRemaining()) {
      int n = Math.min(chunk.length, d.remaining());
      d.get(chunk, 0, n);
      out.write(chunk, 0, n);
    }
  }
}
