package org.ddpm4j.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.List;
import org.ddpm4j.image.ImageConversion;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.noise.NoiseSource;
import org.ddpm4j.sampler.Sampler;
import org.ddpm4j.sampler.SamplerFactory;
import org.ddpm4j.sampler.SamplingLoop;
import org.ddpm4j.sampler.StepCallback;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.unet.UNet2DModel;
import org.ddpm4j.unet.UNetConfig;

/**
 * A diffusers model folder ready to sample: it owns the U-Net and generates the uint8 images of (seed, global sample
 * indices). Sample {@code i} of seed {@code s} starts from {@code NoiseSource(s)}'s x_T of index {@code i} and draws
 * every step's noise for that index, so its image does not depend on the batch it is generated in (up to float
 * rounding of batched kernels, well below one 8-bit level).
 *
 * <p>The scheduler configuration is the folder's {@code scheduler_config.json} when present, else
 * {@link DefaultScheduler}. Each {@link #generate} call makes a fresh sampler and its own NDManager, closes both
 * before returning, and runs with gradient recording off on the calling thread; the weights are only read.
 */
public final class DiffusionPipeline implements AutoCloseable {
  private final PipelineConfig config;
  private final UNet2DModel model;
  private final SchedulerConfig scheduler;
  private final Shape sampleShape;

  private DiffusionPipeline(PipelineConfig config, UNet2DModel model, SchedulerConfig scheduler, Shape sampleShape) {
    this.config = config;
    this.model = model;
    this.scheduler = scheduler;
    this.sampleShape = sampleShape;
  }

  /**
   * Loads the model folder. The sampler settings are checked against the scheduler configuration before the weights
   * are read.
   *
   * @throws org.ddpm4j.io.CheckpointException naming the file and key of whatever is wrong with the folder
   * @throws IllegalArgumentException naming the file and field of an unsupported config, the sample size the images
   *     cannot be made in, or steps beyond the scheduler's num_train_timesteps
   */
  public static DiffusionPipeline open(PipelineConfig config) {
    ModelFolder folder = ModelFolder.open(config.modelDir());
    UNetConfig unetConfig = UNetConfig.fromJson(folder.config(), folder.configPath().toString());
    Shape shape = sampleShape(unetConfig, folder.configPath());
    SchedulerConfig scheduler = schedulerConfig(folder);
    SamplerFactory.create(config.sampler(), scheduler).close();
    UNet2DModel model =
        UNet2DModel.fromStateDict(unetConfig, folder.weights().tensors(), folder.weightsPath().toString());
    return new DiffusionPipeline(config, model, scheduler, shape);
  }

  /** The folder's {@code scheduler_config.json}, or {@link DefaultScheduler#config()} when it has none. */
  public static SchedulerConfig schedulerConfig(ModelFolder folder) {
    return folder.schedulerConfigPath().map(SchedulerConfig::read).orElseGet(DefaultScheduler::config);
  }

  /**
   * The shape (C, H, W) of one sample: {@code in_channels} by {@code sample_size} (one value for square images).
   *
   * @param source the config file, for error messages
   * @throws IllegalArgumentException when sample_size is missing or in_channels differs from out_channels (the eps
   *     of a model that is sampled has the shape of its input)
   */
  static Shape sampleShape(UNetConfig config, Path source) {
    List<Integer> size = config.sampleSize();
    if (size.isEmpty()) {
      throw new IllegalArgumentException(source + ": sample_size is null; sampling needs the image size");
    }
    if (config.inChannels() != config.outChannels()) {
      throw new IllegalArgumentException(source + ": in_channels = " + config.inChannels() + " differs from "
          + "out_channels = " + config.outChannels() + "; a sampled eps model predicts noise of its input's shape");
    }
    return new Shape(config.inChannels(), size.get(0), size.get(size.size() - 1));
  }

  /** The images of the given global indices, without progress reports. */
  public Uint8Images generate(long seed, long[] indices) {
    return generate(seed, indices, StepCallback.NONE);
  }

  /**
   * Samples one batch: the images of {@code indices} for {@code seed}, in the order given, as uint8 NHWC converted
   * exactly as diffusers does.
   *
   * @param indices the global sample indices, one per batch row (at least one)
   * @param callback called after every step of the batch (the predicted x0 is valid during the call only)
   * @throws IllegalArgumentException when no index is given, or the model produced a NaN (naming sample and pixel)
   */
  public Uint8Images generate(long seed, long[] indices, StepCallback callback) {
    try (NDManager manager = NDManager.newBaseManager()) {
      return ImageConversion.toUint8(sample(seed, indices, manager, callback));
    }
  }

  /**
   * Samples one batch as float32: x_0 [B, C, H, W] in about [-1, 1] for {@code indices} and {@code seed}, before the
   * conversion to 8 bits (for evaluation and tests). The sampler and every step's arrays are closed before returning.
   *
   * @param manager owns the result
   * @throws IllegalArgumentException when no index is given
   */
  public NDArray sample(long seed, long[] indices, NDManager manager, StepCallback callback) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("a batch needs at least one sample index");
    }
    boolean wasRecording = JniUtils.isGradMode();
    int previousThreads = config.threads() > 0 ? JniUtils.getNumThreads() : 0;
    JniUtils.setGradMode(false);
    if (config.threads() > 0) {
      JniUtils.setNumThreads(config.threads());
    }
    try (Sampler sampler = SamplerFactory.create(config.sampler(), scheduler)) {
      return new SamplingLoop(model, sampler).sample(new NoiseSource(seed), indices, sampleShape, manager, callback);
    } finally {
      if (previousThreads > 0) {
        JniUtils.setNumThreads(previousThreads);
      }
      JniUtils.setGradMode(wasRecording);
    }
  }

  /** The configuration the pipeline was opened with. */
  public PipelineConfig config() {
    return config;
  }

  /** The U-Net's configuration. */
  public UNetConfig modelConfig() {
    return model.config();
  }

  /** The scheduler configuration the samplers are built from. */
  public SchedulerConfig schedulerConfig() {
    return scheduler;
  }

  /** The shape (C, H, W) of one sample. */
  public Shape sampleShape() {
    return sampleShape;
  }

  /** Frees the weights. */
  @Override
  public void close() {
    model.close();
  }
}
