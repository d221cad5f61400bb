package org.ddpm4j.eval.fmnist;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.ddpm4j.io.CheckpointException;
import org.ddpm4j.io.DType;
import org.ddpm4j.io.SafeTensors;
import org.ddpm4j.io.Tensor;

/**
 * The classifier's parameters, a map from readable names ({@code conv1.weight}, {@code conv1.bias}, {@code conv2.*},
 * {@code fc1.*}, {@code fc2.*}, torch layouts) to float32 arrays owned by the network's manager, and its forward pass
 * as functional DJL ops (see {@link ClassifierConfig} for the layers).
 */
final class ClassifierNetwork implements AutoCloseable {
  private static final Shape ONES = new Shape(1, 1);
  private static final Shape POOL = new Shape(2, 2);
  private static final Shape NO_PADDING = new Shape(0, 0);

  /** The most images per forward pass at inference. */
  static final int INFERENCE_BATCH = 500;

  private final ClassifierConfig config;
  private final NDManager manager;
  private final Map<String, NDArray> params;

  /** The activations of one forward pass: penultimate-layer features [N, featureDim] and logits [N, classes]. */
  record Activations(NDArray features, NDArray logits) {}

  private ClassifierNetwork(ClassifierConfig config, NDManager manager, Map<String, NDArray> params) {
    this.config = config;
    this.manager = manager;
    this.params = params;
  }

  /** The parameter names and shapes, in file order. */
  static Map<String, Shape> shapes(ClassifierConfig c) {
    Map<String, Shape> s = new LinkedHashMap<>();
    s.put("conv1.weight", new Shape(c.conv1Channels(), c.inChannels(), 3, 3));
    s.put("conv1.bias", new Shape(c.conv1Channels()));
    s.put("conv2.weight", new Shape(c.conv2Channels(), c.conv1Channels(), 3, 3));
    s.put("conv2.bias", new Shape(c.conv2Channels()));
    s.put("fc1.weight", new Shape(c.featureDim(), c.flatDim()));
    s.put("fc1.bias", new Shape(c.featureDim()));
    s.put("fc2.weight", new Shape(c.classes(), c.featureDim()));
    s.put("fc2.bias", new Shape(c.classes()));
    return s;
  }

  /**
   * A network with torch's default initial values: weights and biases uniform in {@code (-1/sqrt(fan_in),
   * 1/sqrt(fan_in))}, drawn in file order from one {@link SplittableRandom} seeded with {@code seed}.
   *
   * @param parent the manager under which the network's own manager is created
   */
  static ClassifierNetwork initialized(ClassifierConfig config, NDManager parent, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    NDManager manager = parent.newSubManager();
    Map<String, NDArray> params = new LinkedHashMap<>();
    for (Map.Entry<String, Shape> e : shapes(config).entrySet()) {
      Shape weightShape = shapes(config).get(e.getKey().replace(".bias", ".weight"));
      double bound = 1.0 / Math.sqrt(weightShape.size() / weightShape.get(0));
      float[] values = new float[Math.toIntExact(e.getValue().size())];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
      }
      params.put(e.getKey(), manager.create(values, e.getValue()));
    }
    return new ClassifierNetwork(config, manager, params);
  }

  /**
   * A network with the weights of a safetensors file.
   *
   * @throws CheckpointException naming the file and the key for a missing or unexpected key, a shape mismatch, a
   *     dtype other than F32 or a non-finite value
   */
  static ClassifierNetwork loaded(ClassifierConfig config, NDManager parent, SafeTensors file) {
    Map<String, Shape> shapes = shapes(config);
    for (String key : file.tensors().keySet()) {
      if (!shapes.containsKey(key)) {
        throw new CheckpointException(file.file() + ": unexpected key '" + key + "' (expected " + shapes.keySet() + ")");
      }
    }
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Map.Entry<String, Shape> e : shapes.entrySet()) {
      Tensor t = file.get(e.getKey());
      if (!Arrays.equals(t.shape(), e.getValue().getShape())) {
        throw new CheckpointException(file.file() + ": key '" + e.getKey() + "' has shape " + Arrays.toString(t.shape())
            + ", the config expects " + e.getValue());
      }
      if (t.dtype() != DType.F32) {
        throw new CheckpointException(file.file() + ": key '" + e.getKey() + "' has dtype " + t.dtype() + ", expected F32");
      }
      float[] v = t.toFloats();
      for (int i = 0; i < v.length; i++) {
        if (!Float.isFinite(v[i])) {
          throw new CheckpointException(
              file.file() + ": key '" + e.getKey() + "' holds a non-finite value (" + v[i] + ") at element " + i);
        }
      }
      values.put(e.getKey(), v);
    }
    NDManager manager = parent.newSubManager();
    Map<String, NDArray> params = new LinkedHashMap<>();
    values.forEach((key, v) -> params.put(key, manager.create(v, shapes.get(key))));
    return new ClassifierNetwork(config, manager, params);
  }

  /** The shape of the network. */
  ClassifierConfig config() {
    return config;
  }

  /** The parameters by name, in file order (the arrays themselves: the trainer updates them in place). */
  Map<String, NDArray> parameters() {
    return Collections.unmodifiableMap(params);
  }

  /**
   * The network input of uint8 images [N, C, H, W]: {@code ((v / 255) - 0.5) / 0.5} in float32, so 0 maps to -1 and
   * 255 to 1. Training and inference both go through this method. The result belongs to the images' manager.
   *
   * @throws IllegalArgumentException naming the shape or dtype when the images do not fit the network
   */
  NDArray input(NDArray uint8Images) {
    if (uint8Images.getDataType() != DataType.UINT8) {
      throw new IllegalArgumentException("classifier input must be uint8 images, got dtype " + uint8Images.getDataType());
    }
    Shape s = uint8Images.getShape();
    if (s.dimension() != 4) {
      throw new IllegalArgumentException("classifier input must have shape [N, C, H, W], got " + s);
    }
    checkShape(s.get(1), s.get(2), s.get(3));
    return uint8Images.toType(DataType.FLOAT32, false).divi(255f).subi(0.5f).divi(0.5f);
  }

  /**
   * Checks the channels and size of input images.
   *
   * @throws IllegalArgumentException naming the expected and the given shape
   */
  void checkShape(long channels, long height, long width) {
    if (channels != config.inChannels() || height != config.imageSize() || width != config.imageSize()) {
      throw new IllegalArgumentException("classifier input must have shape [N, " + config.inChannels() + ", "
          + config.imageSize() + ", " + config.imageSize() + "], got [N, " + channels + ", " + height + ", " + width
          + "]");
    }
  }

  /** The forward pass of a float input from {@link #input}; every result belongs to the input's manager. */
  Activations forward(NDArray x) {
    NDArray h = block(x, "conv1");
    NDArray h2 = block(h, "conv2");
    h.close();
    NDArray flat = h2.reshape(h2.getShape().get(0), config.flatDim());
    NDArray fc1 = Linear.linear(flat, params.get("fc1.weight"), params.get("fc1.bias")).singletonOrThrow();
    h2.close();
    NDArray features = Activation.relu(fc1);
    fc1.close();
    NDArray logits = Linear.linear(features, params.get("fc2.weight"), params.get("fc2.bias")).singletonOrThrow();
    return new Activations(features, logits);
  }

  /**
   * A forward pass without gradient recording: converts the uint8 images with {@link #input}, keeps every temporary in
   * a sub-manager of the images' manager that is closed before returning, and returns what {@code pick} takes from
   * the activations, owned by the images' manager.
   */
  NDArray infer(NDArray uint8Images, Function<Activations, NDArray> pick) {
    boolean recording = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try (NDManager batch = uint8Images.getManager().newSubManager()) {
      NDArray x = input(uint8Images);
      x.attach(batch);
      NDArray result = pick.apply(forward(x));
      result.attach(uint8Images.getManager());
      return result;
    } finally {
      JniUtils.setGradMode(recording);
    }
  }

  /** conv3x3 (padding 1) - ReLU - maxpool 2x2 with the parameters {@code <name>.weight} and {@code <name>.bias}. */
  private NDArray block(NDArray x, String name) {
    NDArray conv = Conv2d.conv2d(x, params.get(name + ".weight"), params.get(name + ".bias"), ONES, ONES, ONES, 1)
        .singletonOrThrow();
    NDArray relu = Activation.relu(conv);
    conv.close();
    NDArray pooled = Pool.maxPool2d(relu, POOL, POOL, NO_PADDING, false);
    relu.close();
    return pooled;
  }

  /** The parameters as float32 tensors, in file order. */
  List<Tensor> toTensors() {
    List<Tensor> out = new ArrayList<>();
    params.forEach((key, p) -> out.add(Tensor.ofFloats(key, p.getShape().getShape(), p.toFloatArray())));
    return out;
  }

  /** Frees the parameters (and any gradients and optimizer state attached to them). */
  @Override
  public void close() {
    manager.close();
  }
}
