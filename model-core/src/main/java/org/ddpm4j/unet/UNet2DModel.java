package org.ddpm4j.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.io.Tensor;
import org.ddpm4j.sampler.EpsModel;

/**
 * The diffusers {@code UNet2DModel} (v0.21.4) of DDPM: the noise prediction eps(x_t, t). Parameters are NDArrays
 * addressed by the exact diffusers {@code state_dict} keys, kept in the model's own manager until {@link #close()};
 * the forward pass is made of functional DJL operations only, so a trainer can mark parameters as requiring gradients
 * and differentiate {@link #forward(NDArray, NDArray, boolean)}.
 *
 * <p>Every temporary of a forward pass lives in a sub-manager that is closed before the call returns; only the result
 * is attached to the manager of the input.
 */
public final class UNet2DModel implements EpsModel, AutoCloseable {
  private final UNetConfig config;
  private final NDManager manager;
  private final ParameterStore store;
  private final Conv2dLayer convIn;
  private final Timesteps timeProj;
  private final TimestepEmbedding timeEmbedding;
  private final List<DownBlock> downBlocks = new ArrayList<>();
  private final List<UpBlock> upBlocks = new ArrayList<>();
  private final MidBlock midBlock;
  private final GroupNorm convNormOut;
  private final Conv2dLayer convOut;

  private UNet2DModel(UNetConfig config) {
    this.config = config;
    this.manager = NDManager.newBaseManager();
    this.store = new ParameterStore(manager);
    GroupNorm.UnitAffine unit = new GroupNorm.UnitAffine(manager);
    List<Integer> channels = config.blockOutChannels();
    int levels = config.levels();
    int c0 = channels.get(0);
    // declaration order = diffusers' state_dict order: conv_in, time_embedding, down_blocks, up_blocks, mid_block,
    // conv_norm_out, conv_out (diffusers registers mid_block after up_blocks)
    this.convIn = new Conv2dLayer(store, "conv_in", config.inChannels(), c0, 3, 1, 1);
    this.timeProj = new Timesteps(c0, config.freqShift(), config.flipSinToCos());
    this.timeEmbedding = new TimestepEmbedding(store, c0, config.timeEmbedDim());
    int out = c0;
    for (int i = 0; i < levels; i++) {
      int in = out;
      out = channels.get(i);
      downBlocks.add(new DownBlock(store, i, config.downBlockTypes().get(i), in, out, i == levels - 1, config,
          unit));
    }
    out = channels.get(levels - 1);
    for (int i = 0; i < levels; i++) {
      int prevOut = out;
      out = channels.get(levels - 1 - i);
      int skipIn = channels.get(Math.max(levels - 2 - i, 0));
      upBlocks.add(new UpBlock(store, i, config.upBlockTypes().get(i), prevOut, out, skipIn, i == levels - 1, config,
          unit));
    }
    this.midBlock = new MidBlock(store, config, unit);
    this.convNormOut = new GroupNorm(store, "conv_norm_out", c0, config.normNumGroups(), config.normEps(), unit);
    this.convOut = new Conv2dLayer(store, "conv_out", c0, config.outChannels(), 3, 1, 1);
  }

  /**
   * A model with torch's default initialisation (conv and linear weights and biases uniform in +-1/sqrt(fan_in),
   * GroupNorm 1 and 0), drawn reproducibly from the seed.
   */
  public static UNet2DModel create(UNetConfig config, long seed) {
    UNet2DModel m = new UNet2DModel(config);
    try {
      m.store.initialize(seed);
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
    return m;
  }

  /**
   * A model with the weights of a state dict (legacy attention key names accepted; F16, BF16 and F64 converted to
   * float32).
   *
   * @param source the file the tensors came from, for error messages
   * @throws org.ddpm4j.io.CheckpointException naming the source and key of a missing, unexpected, misshapen,
   *     non-float or non-finite tensor
   */
  public static UNet2DModel fromStateDict(UNetConfig config, Map<String, Tensor> stateDict, String source) {
    UNet2DModel m = new UNet2DModel(config);
    try {
      m.store.load(stateDict, source);
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
    return m;
  }

  /**
   * Loads a diffusers model folder ({@code config.json} + {@code diffusion_pytorch_model.safetensors}).
   *
   * @throws org.ddpm4j.io.CheckpointException naming the file and key of whatever is wrong with the folder
   * @throws IllegalArgumentException naming the field of an unsupported or invalid config
   */
  public static UNet2DModel load(Path folder) {
    ModelFolder f = ModelFolder.open(folder);
    UNetConfig config = UNetConfig.fromJson(f.config(), f.configPath().toString());
    return fromStateDict(config, f.weights().tensors(), f.weightsPath().toString());
  }

  /**
   * Saves the model as a diffusers folder that {@code UNet2DModel.from_pretrained} loads: {@code config.json} and
   * {@code diffusion_pytorch_model.safetensors}, written atomically (see {@link ModelFolder#save}).
   *
   * @param schedulerConfig a {@code scheduler_config.json} to write alongside, or null for none
   */
  public void save(Path folder, JsonObject schedulerConfig) {
    ModelFolder.save(folder, config.toJson(), store.toTensors(), schedulerConfig);
  }

  /** Replaces every weight with those of a state dict; on any error the model keeps its previous weights. */
  public void loadStateDict(Map<String, Tensor> stateDict, String source) {
    store.load(stateDict, source);
  }

  /** The weights as float32 tensors named by their diffusers keys, in state_dict order (copies). */
  public List<Tensor> stateDict() {
    return store.toTensors();
  }

  /** The configuration. */
  public UNetConfig config() {
    return config;
  }

  /** The parameters by diffusers key, in state_dict order; the arrays are the model's own (not copies). */
  public Map<String, NDArray> parameters() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    store.params().forEach((k, p) -> out.put(k, p.value()));
    return Collections.unmodifiableMap(out);
  }

  /** The diffusers keys in state_dict order. */
  public List<String> keys() {
    return List.copyOf(store.params().keySet());
  }

  /** The shape of every parameter by key, in state_dict order. */
  public Map<String, Shape> shapes() {
    Map<String, Shape> out = new LinkedHashMap<>();
    store.params().forEach((k, p) -> out.put(k, p.shape()));
    return Collections.unmodifiableMap(out);
  }

  /** The total number of scalar parameters. */
  public long parameterCount() {
    return store.count();
  }

  /**
   * Inference: eps for a batch, without recording gradients and with dropout off.
   *
   * @param x the noisy samples [B, in_channels, H, W], float32; H and W divisible by 2^(levels-1)
   * @param t the timesteps [B] or a scalar / [1] broadcast to the batch (int64 or float)
   * @return eps [B, out_channels, H, W], attached to the manager of {@code x}
   */
  @Override
  public NDArray predict(NDArray x, NDArray t) {
    boolean wasRecording = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      return run(x, t, false, true, null);
    } finally {
      JniUtils.setGradMode(wasRecording);
    }
  }

  /**
   * The forward pass under the caller's gradient mode, for training (dropout on when {@code training}).
   *
   * @return eps, attached to the manager of {@code x}
   */
  public NDArray forward(NDArray x, NDArray t, boolean training) {
    return forward(x, t, training, null);
  }

  /**
   * The forward pass that also reports named intermediates, in forward order, to {@code recorder} (may be null).
   *
   * @return eps, attached to the manager of {@code x}
   */
  public NDArray forward(NDArray x, NDArray t, boolean training, IntermediateRecorder recorder) {
    return run(x, t, training, !training && !JniUtils.isGradMode(), recorder);
  }

  private NDArray run(NDArray x, NDArray t, boolean training, boolean inPlace, IntermediateRecorder recorder) {
    Shape shape = checkInput(x);
    NDManager parent = x.getManager();
    try (NDManager sub = parent.newSubManager()) {
      x.tempAttach(sub);
      t.tempAttach(sub);
      ForwardContext ctx = new ForwardContext(sub, training, inPlace, recorder);
      NDArray out = forwardIn(x, batchTimesteps(t, shape.get(0)), ctx);
      out.attach(parent);
      return out;
    }
  }

  private NDArray forwardIn(NDArray x, NDArray timesteps, ForwardContext ctx) {
    NDArray projected = timeProj.apply(timesteps, ctx);
    ctx.record("time_proj", projected);
    NDArray temb = timeEmbedding.apply(projected, ctx);
    ctx.record("time_embedding", temb);
    NDArray tembAct = ctx.siluOf(temb);
    NDArray sample = config.centerInputSample() ? x.mul(2f).sub(1f) : x;
    NDArray h = convIn.apply(sample);
    ctx.record("conv_in", h);
    Deque<NDArray> skips = new ArrayDeque<>();
    skips.push(h);
    for (DownBlock block : downBlocks) {
      h = block.apply(h, tembAct, ctx, skips);
    }
    h = midBlock.apply(h, tembAct, ctx);
    for (UpBlock block : upBlocks) {
      h = ctx.replace(h, block.apply(h, tembAct, ctx, skips));
    }
    NDArray normed = convNormOut.apply(h, ctx);
    h.close();
    ctx.record("conv_norm_out", normed);
    NDArray act = ctx.silu(normed);
    ctx.record("conv_act", act);
    NDArray out = ctx.replace(act, convOut.apply(act));
    ctx.record("conv_out", out);
    return out;
  }

  private Shape checkInput(NDArray x) {
    Shape s = x.getShape();
    if (s.dimension() != 4 || s.get(1) != config.inChannels()) {
      throw new IllegalArgumentException("x: shape " + s + " is not [B, " + config.inChannels() + ", H, W]");
    }
    if (x.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException("x: dtype " + x.getDataType() + " is not float32");
    }
    long multiple = 1L << (config.levels() - 1);
    if (s.get(2) % multiple != 0 || s.get(3) % multiple != 0) {
      throw new IllegalArgumentException("x: height and width " + s.get(2) + "x" + s.get(3)
          + " must be multiples of " + multiple + " for " + config.levels() + " resolution levels");
    }
    return s;
  }

  /** The timesteps as float32 [B]: a scalar or single value is broadcast to the batch, as diffusers does. */
  private static NDArray batchTimesteps(NDArray t, long batch) {
    long n = t.getShape().size();
    NDArray f = t.toType(DataType.FLOAT32, false).reshape(-1);
    if (n == batch) {
      return f;
    }
    if (n == 1) {
      return f.broadcast(new Shape(batch));
    }
    throw new IllegalArgumentException("t: shape " + t.getShape() + " matches neither the batch size " + batch
        + " nor a single timestep");
  }

  /** Frees every weight. */
  @Override
  public void close() {
    store.close();
    manager.close();
  }
}
