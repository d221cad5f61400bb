package org.ddpm4j.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One numpy array: element type, shape (C order) and its raw little-endian bytes.
 *
 * @param type element type
 * @param shape dimensions, row-major; empty for a scalar
 * @param data raw little-endian bytes, position 0, exactly {@code size() * type.bytes()} of them
 */
public record NpyArray(NpyType type, long[] shape, ByteBuffer data) {

  /** Checks that the data holds exactly the elements the shape needs. */
  public NpyArray {
    shape = shape.clone();
    long n = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      n = Math.multiplyExact(n, d);
    }
    if (data.remaining() != n * type.bytes()) {
      throw new IllegalArgumentException(type + " shape " + Arrays.toString(shape) + " needs " + n * type.bytes()
          + " bytes, got " + data.remaining());
    }
    data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The shape (a copy). */
  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** Number of elements. */
  public long size() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  private int count() {
    return Math.toIntExact(size());
  }

  private ByteBuffer le() {
    return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The values as float64 (any type; integers and bools converted exactly where they fit). */
  public double[] toDoubles() {
    int n = count();
    double[] out = new double[n];
    ByteBuffer b = le();
    for (int i = 0; i < n; i++) {
      out[i] = switch (type) {
        case FLOAT64 -> b.getDouble(i * 8);
        case FLOAT32 -> b.getFloat(i * 4);
        case INT64 -> b.getLong(i * 8);
        case INT32 -> b.getInt(i * 4);
        case INT16 -> b.getShort(i * 2);
        case INT8, BOOL -> b.get(i);
        case UINT8 -> b.get(i) & 0xff;
      };
    }
    return out;
  }

  /** The values as float32 (float64 rounded to nearest; integers converted). */
  public float[] toFloats() {
    int n = count();
    float[] out = new float[n];
    if (type == NpyType.FLOAT32) {
      le().asFloatBuffer().get(out);
      return out;
    }
    double[] d = toDoubles();
    for (int i = 0; i < n; i++) {
      out[i] = (float) d[i];
    }
    return out;
  }

  /**
   * The values as int64.
   *
   * @throws IllegalStateException for a floating-point array
   */
  public long[] toLongs() {
    int n = count();
    long[] out = new long[n];
    ByteBuffer b = le();
    for (int i = 0; i < n; i++) {
      out[i] = switch (type) {
        case INT64 -> b.getLong(i * 8);
        case INT32 -> b.getInt(i * 4);
        case INT16 -> b.getShort(i * 2);
        case INT8, BOOL -> b.get(i);
        case UINT8 -> b.get(i) & 0xff;
        case FLOAT32, FLOAT64 -> throw new IllegalStateException("dtype " + type.descr() + " is not an integer type");
      };
    }
    return out;
  }

  /**
   * The raw bytes of a one-byte array (uint8, int8, bool).
   *
   * @throws IllegalStateException for a wider type
   */
  public byte[] toBytes() {
    if (type.bytes() != 1) {
      throw new IllegalStateException("dtype " + type.descr() + " is not a one-byte type");
    }
    byte[] out = new byte[count()];
    le().get(out);
    return out;
  }

  /** A float64 array. */
  public static NpyArray ofDoubles(long[] shape, double[] values) {
    ByteBuffer b = allocate(values.length, 8);
    b.asDoubleBuffer().put(values);
    return new NpyArray(NpyType.FLOAT64, shape, b);
  }

  /** A float32 array. */
  public static NpyArray ofFloats(long[] shape, float[] values) {
    ByteBuffer b = allocate(values.length, 4);
    b.asFloatBuffer().put(values);
    return new NpyArray(NpyType.FLOAT32, shape, b);
  }

  /** An int64 array. */
  public static NpyArray ofLongs(long[] shape, long[] values) {
    ByteBuffer b = allocate(values.length, 8);
    b.asLongBuffer().put(values);
    return new NpyArray(NpyType.INT64, shape, b);
  }

  /** An int32 array. */
  public static NpyArray ofInts(long[] shape, int[] values) {
    ByteBuffer b = allocate(values.length, 4);
    b.asIntBuffer().put(values);
    return new NpyArray(NpyType.INT32, shape, b);
  }

  /** A uint8 array of the given bytes (values 0..255 as unsigned). */
  public static NpyArray ofUnsignedBytes(long[] shape, byte[] values) {
    return new NpyArray(NpyType.UINT8, shape, ByteBuffer.wrap(values.clone()));
  }

  /** A bool array. */
  public static NpyArray ofBooleans(long[] shape, boolean[] values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (values[i] ? 1 : 0);
    }
    return new NpyArray(NpyType.BOOL, shape, ByteBuffer.wrap(b));
  }

  private static ByteBuffer allocate(int count, int bytes) {
    return ByteBuffer.allocate(Math.multiplyExact(count, bytes)).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NpyArray other && type == other.type && Arrays.equals(shape, other.shape)
        && data.equals(other.data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * type.hashCode() + Arrays.hashCode(shape)) + data.hashCode();
  }

  @Override
  public String toString() {
    return type.descr() + Arrays.toString(shape);
  }
}
