package org.ddpm4j.io;

/** The numpy element types that {@link Npy} reads and writes (little-endian where the size is above one byte). */
public enum NpyType {
  /** float32, {@code '<f4'}. */
  FLOAT32("<f4", 4),
  /** float64, {@code '<f8'}. */
  FLOAT64("<f8", 8),
  /** int64, {@code '<i8'}. */
  INT64("<i8", 8),
  /** int32, {@code '<i4'}. */
  INT32("<i4", 4),
  /** int16, {@code '<i2'}. */
  INT16("<i2", 2),
  /** int8, {@code '|i1'}. */
  INT8("|i1", 1),
  /** uint8, {@code '|u1'}. */
  UINT8("|u1", 1),
  /** bool (one byte, 0 or 1), {@code '|b1'}. */
  BOOL("|b1", 1);

  private final String descr;
  private final int bytes;

  NpyType(String descr, int bytes) {
    this.descr = descr;
    this.bytes = bytes;
  }

  /** The dtype string numpy writes in the header, e.g. {@code "<f8"}. */
  public String descr() {
    return descr;
  }

  /** Size of one element in bytes. */
  public int bytes() {
    return bytes;
  }

  /**
   * The type for a header's {@code descr}. One-byte types are accepted with any byte-order mark ({@code | < > =});
   * wider ones only little-endian ({@code <}).
   *
   * @param where the file and array, for the error message
   * @throws CheckpointException naming the dtype when it is not supported
   */
  public static NpyType parse(String descr, String where) {
    if (descr.length() == 3) {
      char order = descr.charAt(0);
      String kind = descr.substring(1);
      for (NpyType t : values()) {
        boolean orderOk = t.bytes == 1 ? "|<>=".indexOf(order) >= 0 : order == '<';
        if (orderOk && t.descr.substring(1).equals(kind)) {
          return t;
        }
      }
    }
    throw new CheckpointException(where + ": unsupported dtype '" + descr
        + "' (supported: <f4, <f8, <i8, <i4, <i2, |i1, |u1, |b1; little-endian, no structured types)");
  }
}
