package org.ddpm4j.flink.sample;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.sampler.SamplerFactory;
import org.ddpm4j.sampler.SamplerKind;
import org.ddpm4j.sampler.SamplerSettings;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.unet.UNet2DModel;
import org.ddpm4j.unet.UNetConfig;

/**
 * Makes {@link DiffusionBatchGenerator}s for a diffusers model folder: the model-core U-Net, the scheduler of the
 * folder's {@code scheduler_config.json} (diffusers' defaults, the DDPM linear schedule, when there is none), a
 * sampler, and seeded noise. Holds only strings and numbers, so it travels in the job graph.
 *
 * @param modelDir the model folder
 * @param seed the noise seed: sample i's noise is a function of (seed, i) only
 * @param sampler the sampler name: ddpm, ddim or dpmpp
 * @param steps the inference steps
 * @param eta DDIM's eta (0 for the other samplers)
 * @param threadsPerSubtask libtorch intra-op threads of each subtask (libtorch has one setting per process, which
 *     every subtask sets to this value). The float summation order, and so the rare rounding of a pixel, depends on
 *     it: outputs are byte-identical across parallelisms only with the same value, so it is part of the settings
 */
public record DiffusionGeneratorFactory(
    String modelDir, long seed, String sampler, int steps, double eta, int threadsPerSubtask)
    implements BatchGeneratorFactory {
  private static final long serialVersionUID = 1L;

  /** Validates the sampler settings, naming the one that is wrong (e.g. an unknown sampler). */
  public DiffusionGeneratorFactory {
    new SamplerSettings(SamplerKind.parse(sampler), steps, eta);
    if (threadsPerSubtask < 1) {
      throw new IllegalArgumentException("--threads-per-subtask must be >= 1, got " + threadsPerSubtask);
    }
  }

  /** The sampler settings. */
  public SamplerSettings samplerSettings() {
    return new SamplerSettings(SamplerKind.parse(sampler), steps, eta);
  }

  /**
   * Opens the folder, parses both configs, checks the sampler against the scheduler config and loads the weights
   * once (every key, shape and value is checked), then hashes the folder.
   *
   * @throws org.ddpm4j.io.CheckpointException naming the file (and key) of a missing or corrupt model folder
   * @throws IllegalArgumentException naming the field of an invalid config or sampler setting
   */
  @Override
  public GeneratorInfo inspect() {
    Path dir = Path.of(modelDir);
    ModelFolder folder = ModelFolder.open(dir);
    UNetConfig config = UNetConfig.fromJson(folder.config(), folder.configPath().toString());
    ImageShape shape = DiffusionBatchGenerator.imageShape(config, folder.configPath());
    SchedulerConfig scheduler = DiffusionBatchGenerator.schedulerConfig(folder);
    SamplerFactory.create(samplerSettings(), scheduler).close();
    try (UNet2DModel model = UNet2DModel.load(dir)) {
      // loading checks every tensor; nothing else to do with it on the client
    }
    JsonObject settings = new JsonObject();
    JsonObject model = new JsonObject();
    model.addProperty("sha256", ModelFolderHash.sha256(dir));
    model.addProperty("schedulerConfig",
        folder.schedulerConfigPath().isPresent() ? ModelFolder.SCHEDULER_CONFIG : "diffusers defaults");
    settings.add("model", model);
    JsonObject samplerJson = new JsonObject();
    samplerJson.addProperty("kind", samplerSettings().kind().id());
    samplerJson.addProperty("steps", steps);
    samplerJson.addProperty("eta", eta);
    settings.add("sampler", samplerJson);
    settings.addProperty("seed", seed);
    settings.addProperty("threadsPerSubtask", threadsPerSubtask);
    return new GeneratorInfo(shape, settings, dir.toAbsolutePath().normalize().toString());
  }

  @Override
  public BatchGenerator open(GeneratorContext context) {
    return DiffusionBatchGenerator.open(
        Path.of(modelDir), samplerSettings(), seed, context.gpu(), threadsPerSubtask);
  }
}
