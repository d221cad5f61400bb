package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ddpm4j.io.CheckpointException;
import org.ddpm4j.io.Tensor;

/**
 * The parameters of one model, in diffusers {@code state_dict} order (the order in which the blocks declare them),
 * owned by the model's manager. Loading checks every key, shape, dtype and value before any weight is replaced, so a
 * rejected checkpoint leaves the model unchanged.
 */
final class ParameterStore implements AutoCloseable {
  private static final int LISTED = 8;

  private final NDManager manager;
  private final Map<String, Param> params = new LinkedHashMap<>();

  ParameterStore(NDManager manager) {
    this.manager = manager;
  }

  /** Declares a parameter; keys must be unique. */
  Param declare(String key, Shape shape, WeightInit init) {
    Param p = new Param(key, shape, init);
    if (params.putIfAbsent(key, p) != null) {
      throw new IllegalStateException("parameter '" + key + "' declared twice");
    }
    return p;
  }

  /** The declared parameters by key, in state_dict order. */
  Map<String, Param> params() {
    return Collections.unmodifiableMap(params);
  }

  /** Total number of scalar parameters. */
  long count() {
    long n = 0;
    for (Param p : params.values()) {
      n += p.shape().size();
    }
    return n;
  }

  /**
   * Gives every parameter torch's default initial value, drawn from a stream that depends only on the seed and the
   * key (so the value of a key does not depend on which other keys exist).
   */
  void initialize(long seed) {
    for (Param p : params.values()) {
      float[] values = new float[Math.toIntExact(p.shape().size())];
      p.init().fill(values, new SplittableRandom(seed ^ keyHash(p.key())));
      p.set(OwnedArrays.of(manager, values, p.shape()));
    }
  }

  /** 64-bit FNV-1a of the key's UTF-8 bytes. */
  private static long keyHash(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return h;
  }

  /**
   * Replaces every parameter with the tensor of the same key (legacy attention names accepted). F16, BF16 and F64
   * tensors are converted to float32.
   *
   * @param tensors the checkpoint's tensors by key
   * @param source the file they came from, for error messages
   * @throws CheckpointException naming the source and key for a missing key, an unexpected key, a duplicate (legacy
   *     and current name), a shape mismatch, a non-float dtype or a non-finite value
   */
  void load(Map<String, Tensor> tensors, String source) {
    Map<String, Tensor> byKey = canonicalize(tensors, source);
    for (Param p : params.values()) {
      Tensor t = byKey.get(p.key());
      if (!Arrays.equals(t.shape(), p.shape().getShape())) {
        throw new CheckpointException(source + ": shape mismatch for key '" + t.name() + "': the file has "
            + Arrays.toString(t.shape()) + ", the model expects " + Arrays.toString(p.shape().getShape()));
      }
      if (!t.dtype().isFloat()) {
        throw new CheckpointException(source + ": key '" + t.name() + "' has dtype " + t.dtype()
            + ", expected a floating-point dtype (F32, F16, BF16, F64)");
      }
    }
    List<NDArray> staged = new ArrayList<>();
    try {
      for (Param p : params.values()) {
        Tensor t = byKey.get(p.key());
        float[] values = t.toFloats();
        requireFinite(values, t, source);
        staged.add(OwnedArrays.of(manager, values, p.shape()));
      }
    } catch (RuntimeException e) {
      staged.forEach(NDArray::close);
      throw e;
    }
    int i = 0;
    for (Param p : params.values()) {
      p.set(staged.get(i++));
    }
  }

  private Map<String, Tensor> canonicalize(Map<String, Tensor> tensors, String source) {
    Map<String, Tensor> byKey = new LinkedHashMap<>();
    List<String> unexpected = new ArrayList<>();
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      String key = StateDictKeys.canonical(e.getKey());
      if (!params.containsKey(key)) {
        unexpected.add(e.getKey());
        continue;
      }
      Tensor previous = byKey.put(key, e.getValue());
      if (previous != null) {
        throw new CheckpointException(source + ": keys '" + previous.name() + "' and '" + e.getKey()
            + "' both give parameter '" + key + "'");
      }
    }
    List<String> missing = new ArrayList<>();
    for (String key : params.keySet()) {
      if (!byKey.containsKey(key)) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      StringBuilder sb = new StringBuilder(source).append(':');
      if (!missing.isEmpty()) {
        sb.append(' ').append(list("missing key", missing));
      }
      if (!unexpected.isEmpty()) {
        sb.append(missing.isEmpty() ? " " : "; ").append(list("unexpected key", unexpected));
      }
      throw new CheckpointException(sb.toString());
    }
    return byKey;
  }

  private static String list(String what, List<String> keys) {
    StringBuilder sb = new StringBuilder(what);
    if (keys.size() > 1) {
      sb.append("s (").append(keys.size()).append(')');
    }
    for (int i = 0; i < Math.min(LISTED, keys.size()); i++) {
      sb.append(i == 0 ? " '" : ", '").append(keys.get(i)).append('\'');
    }
    if (keys.size() > LISTED) {
      sb.append(", ...");
    }
    return sb.toString();
  }

  private static void requireFinite(float[] values, Tensor t, String source) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new CheckpointException(source + ": key '" + t.name() + "' holds a non-finite value (" + values[i]
            + ") at element " + i);
      }
    }
  }

  /** The parameters as float32 tensors named by their diffusers keys, in state_dict order. */
  List<Tensor> toTensors() {
    List<Tensor> out = new ArrayList<>();
    for (Param p : params.values()) {
      out.add(Tensor.ofFloats(p.key(), p.shape().getShape(), p.value().toFloatArray()));
    }
    return out;
  }

  @Override
  public void close() {
    for (Param p : params.values()) {
      p.set(null);
    }
  }
}
