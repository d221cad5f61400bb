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

  /** Row {@code i} of a float tensor [n, ...] as an NDArray of shape [...]. */
  static NDArray row(NDManager manager, SafeTensors file, String key, int i) {
    Tensor t = file.get(key);
    long[] rowShape = Arrays.copyOfRange(t.shape(), 1, t.shape().length);
    int per = Math.toIntExact(new Shape(rowShape).size());
    float[] all = t.toFloats();
    if (i < 0 || (long) (i + 1) * per > all.length) {
      throw new IllegalArgumentException(file.file() + ": key '" + key + "' has no row " + i);
    }
    return manager.create(Arrays.copyOfRange(all, i * per, (i + 1) * per), new Shape(rowShape));
  }

  /** An integer tensor of the file as ints. */
  static int[] ints(SafeTensors file, String key) {
    return Arrays.stream(file.get(key).toLongs()).mapToInt(Math::toIntExact).toArray();
  }
}
