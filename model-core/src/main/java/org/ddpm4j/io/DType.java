package org.ddpm4j.io;

import java.util.Locale;

/** The element types of a safetensors file that ddpm4j reads and writes. */
public enum DType {
  /** IEEE float32. */
  F32(4),
  /** IEEE float16. */
  F16(2),
  /** bfloat16 (upper half of a float32). */
  BF16(2),
  /** IEEE float64. */
  F64(8),
  /** signed 64-bit integer. */
  I64(8),
  /** signed 32-bit integer. */
  I32(4),
  /** signed 16-bit integer. */
  I16(2),
  /** unsigned byte. */
  U8(1);

  private final int bytes;

  DType(int bytes) {
    this.bytes = bytes;
  }

  /** Size of one element in bytes. */
  public int bytes() {
    return bytes;
  }

  /** Whether the type is a floating-point type. */
  public boolean isFloat() {
    return this == F32 || this == F16 || this == BF16 || this == F64;
  }

  /**
   * Parses the safetensors dtype name.
   *
   * @param name the name as written in the header, e.g. {@code "F32"}
   * @param where the file and key, for the error message
   * @throws CheckpointException naming the dtype when it is not supported
   */
  public static DType parse(String name, String where) {
    try {
      return DType.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(where + ": unsupported dtype '" + name
          + "' (supported: F32, F16, BF16, F64, I64, I32, I16, U8)");
    }
  }
}
