package org.ddpm4j.flink.sample;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.ddpm4j.image.ImageConversion;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.noise.NoiseSource;
import org.ddpm4j.sampler.Sampler;
import org.ddpm4j.sampler.SamplerFactory;
import org.ddpm4j.sampler.SamplerSettings;
import org.ddpm4j.sampler.SamplingLoop;
import org.ddpm4j.sampler.StepCallback;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.unet.UNet2DModel;
import org.ddpm4j.unet.UNetConfig;

/**
 * Samples batches with the model-core U-Net and sampler: x_T and every step's noise come from {@link NoiseSource}
 * for the batch's global indices, the model-core {@link SamplingLoop} runs all steps on the whole batch (one forward
 * pass per step, never per sample), and x_0 is converted to uint8 exactly as diffusers does.
 */
final class DiffusionBatchGenerator implements BatchGenerator {
  private final UNet2DModel model;
  private final SchedulerConfig scheduler;
  private final SamplerSettings settings;
  private final NoiseSource noise;
  private final Shape sampleShape;

  private DiffusionBatchGenerator(UNet2DModel model, SchedulerConfig scheduler, SamplerSettings settings,
      NoiseSource noise, Shape sampleShape) {
    this.model = model;
    this.scheduler = scheduler;
    this.settings = settings;
    this.noise = noise;
    this.sampleShape = sampleShape;
  }

  /**
   * Loads the model in the calling (task) thread, with gradient recording off in that thread.
   *
   * @param gpu the GPU Flink assigned to this subtask, or empty for the engine's default device (the CPU without
   *     CUDA)
   * @param intraOpThreads libtorch intra-op threads (one setting per process, so every subtask sets the same)
   * @throws IllegalStateException when the assigned GPU is not the engine's default device (see docs/flink.md)
   */
  static DiffusionBatchGenerator open(
      Path dir, SamplerSettings settings, long seed, OptionalInt gpu, int intraOpThreads) {
    Device engineDevice = Engine.getInstance().defaultDevice();
    if (gpu.isPresent() && !engineDevice.equals(Device.gpu(gpu.getAsInt()))) {
      throw new IllegalStateException("this subtask was assigned GPU " + gpu.getAsInt() + ", but the model loads "
          + "onto the engine's default device " + engineDevice + ": give each TaskManager one GPU (see docs/flink.md)");
    }
    JniUtils.setGradMode(false);
    JniUtils.setNumThreads(intraOpThreads);
    ModelFolder folder = ModelFolder.open(dir);
    UNetConfig config = UNetConfig.fromJson(folder.config(), folder.configPath().toString());
    ImageShape shape = imageShape(config, folder.configPath());
    SchedulerConfig scheduler = schedulerConfig(folder);
    UNet2DModel model = UNet2DModel.fromStateDict(config, folder.weights().tensors(), folder.weightsPath().toString());
    return new DiffusionBatchGenerator(model, scheduler, settings, new NoiseSource(seed),
        new Shape(shape.channels(), shape.height(), shape.width()));
  }

  @Override
  public SampleBatch generate(long[] indices) {
    try (NDManager manager = NDManager.newBaseManager();
        Sampler sampler = SamplerFactory.create(settings, scheduler)) {
      NDArray x0 = new SamplingLoop(model, sampler).sample(noise, indices, sampleShape, manager, StepCallback.NONE);
      return new SampleBatch(indices.clone(), ImageConversion.toUint8(x0));
    }
  }

  @Override
  public void close() {
    model.close();
  }

  /**
   * The image shape of a model: {@code sample_size} (one value for square images) by {@code in_channels}, which
   * must equal {@code out_channels} for an eps model that is sampled.
   */
  static ImageShape imageShape(UNetConfig config, Path configFile) {
    List<Integer> size = config.sampleSize();
    if (size.isEmpty() || size.size() > 2) {
      throw new IllegalArgumentException(configFile + ": sample_size " + size + " must be one or two numbers");
    }
    if (config.inChannels() != config.outChannels()) {
      throw new IllegalArgumentException(configFile + ": in_channels " + config.inChannels() + " != out_channels "
          + config.outChannels() + ": an eps model that is sampled predicts noise of its input's shape");
    }
    return new ImageShape(size.get(0), size.get(size.size() - 1), config.inChannels());
  }

  /** The folder's {@code scheduler_config.json}, or diffusers' defaults (DDPM, linear betas) without one. */
  static SchedulerConfig schedulerConfig(ModelFolder folder) {
    return folder.schedulerConfigPath().map(SchedulerConfig::read).orElseGet(SchedulerConfig::defaults);
  }
}
