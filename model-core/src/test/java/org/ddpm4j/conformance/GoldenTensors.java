package org.ddpm4j.conformance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.ddpm4j.io.SafeTensors;
import org.ddpm4j.io.Tensor;

/** Golden tensors as NDArrays and Java arrays, with errors naming the file and key. */
final class GoldenTensors {
  private GoldenTensors() {}

  /** A float tensor of the file as a float32 NDArray of its shape. */
  static NDArray array(NDManager manager, SafeTensors file, String key) {
    Tensor t = file.get(key);
    return manager.create(t.toFloats(), new Shape(t.shape()));
  }

  /** The rows of a float tensor [n, ...], read once. */
  static Rows rows(SafeTensors file, String key) {
    Tensor t = file.get(key);
    return new Rows(file + ": key '" + key + "'", t.toFloats(),
        new Shape(Arrays.copyOfRange(t.shape(), 1, t.shape().length)));
  }

  /** The rows of one golden tensor, each [...] of its [n, ...]. */
  static final class Rows {
    private final String where;
    private final float[] values;
    private final Shape rowShape;
    private final int perRow;

    private Rows(String where, float[] values, Shape rowShape) {
      this.where = where;
      this.values = values;
      this.rowShape = rowShape;
      this.perRow = Math.toIntExact(rowShape.size());
    }

    /** Row {@code i} as an NDArray of the row shape. */
    NDArray get(NDManager manager, int i) {
      if (i < 0 || (long) (i + 1) * perRow > values.length) {
        throw new IllegalArgumentException(where + " has no row " + i);
      }
      return manager.create(Arrays.copyOfRange(values, i * perRow, (i + 1) * perRow), rowShape);
    }

    /** Row {@code i} as floats. */
    float[] floats(int i) {
      return Arrays.copyOfRange(values, i * perRow, (i + 1) * perRow);
    }
  }

  /** An integer tensor of the file as ints. */
  static int[] ints(SafeTensors file, String key) {
    return Arrays.stream(file.get(key).toLongs()).mapToInt(Math::toIntExact).toArray();
  }
}
