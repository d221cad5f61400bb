package org.ddpm4j.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One tensor of a safetensors file: dtype, shape and its little-endian raw bytes (possibly a view into a memory-mapped
 * file). Conversions to Java arrays widen or narrow as named.
 *
 * @param name the key in the file
 * @param dtype element type
 * @param shape dimensions, row-major
 * @param data raw little-endian bytes, position 0, limit = element count x element size
 */
public record Tensor(String name, DType dtype, long[] shape, ByteBuffer data) {

  /** Number of elements (product of the shape; 1 for a scalar). */
  public long size() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  private ByteBuffer le() {
    return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The values as float32 (F64 narrowed, F16/BF16 widened, integers converted). */
  public float[] toFloats() {
    int n = Math.toIntExact(size());
    float[] out = new float[n];
    ByteBuffer b = le();
    for (int i = 0; i < n; i++) {
      out[i] = switch (dtype) {
        case F32 -> b.getFloat(i * 4);
        case F64 -> (float) b.getDouble(i * 8);
        case F16 -> Half.toFloat(b.getShort(i * 2));
        case BF16 -> Float.intBitsToFloat((b.getShort(i * 2) & 0xffff) << 16);
        case I64 -> b.getLong(i * 8);
        case I32 -> b.getInt(i * 4);
        case I16 -> b.getShort(i * 2);
        case U8 -> b.get(i) & 0xff;
      };
    }
    return out;
  }

  /** The values as float64. */
  public double[] toDoubles() {
    int n = Math.toIntExact(size());
    if (dtype != DType.F64) {
      float[] f = toFloats();
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = f[i];
      }
      return d;
    }
    double[] out = new double[n];
    le().asDoubleBuffer().get(out);
    return out;
  }

  /** The values as int64 (integer dtypes only). */
  public long[] toLongs() {
    int n = Math.toIntExact(size());
    long[] out = new long[n];
    ByteBuffer b = le();
    for (int i = 0; i < n; i++) {
      out[i] = switch (dtype) {
        case I64 -> b.getLong(i * 8);
        case I32 -> b.getInt(i * 4);
        case I16 -> b.getShort(i * 2);
        case U8 -> b.get(i) & 0xff;
        default -> throw new CheckpointException(name + ": dtype " + dtype + " is not an integer type");
      };
    }
    return out;
  }

  /** Builds an F32 tensor from values. */
  public static Tensor ofFloats(String name, long[] shape, float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return new Tensor(name, DType.F32, shape.clone(), b);
  }

  /** Builds an F64 tensor from values. */
  public static Tensor ofDoubles(String name, long[] shape, double[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(values);
    return new Tensor(name, DType.F64, shape.clone(), b);
  }

  /** Builds an I64 tensor from values. */
  public static Tensor ofLongs(String name, long[] shape, long[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(values);
    return new Tensor(name, DType.I64, shape.clone(), b);
  }

  @Override
  public String toString() {
    return name + " " + dtype + Arrays.toString(shape);
  }
}
