package org.ddpm4j.cli;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.pipeline.DefaultScheduler;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.unet.UNet2DModel;
import org.ddpm4j.unet.UNetConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ddpm4j init}: a diffusers model folder with random weights, the starting point of a training run. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a diffusers model folder (config.json, diffusion_pytorch_model.safetensors, scheduler_config.json) "
          + "with random weights drawn from the seed (torch's default initialisation), for users who start training.",
      "Without --scheduler-config the folder gets the DDPM paper's scheduler: DDPMScheduler with linear betas "
          + "1e-4..0.02 over 1000 steps, variance_type fixed_small, clip_sample true."
    })
public final class InitCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "CONFIG.json",
      description = "a diffusers UNet2DModel config.json, e.g. model-core/src/main/resources/configs/"
          + "fashion-mnist-28.json")
  Path config;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "the model folder to write (new, or one holding only a model folder's files)")
  Path out;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
      description = "seed of the random weights (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--scheduler-config", paramLabel = "FILE",
      description = "a scheduler_config.json to copy into the folder (checked first); default: DDPM linear "
          + "1e-4..0.02, 1000 steps, fixed_small, clip_sample true")
  Path schedulerConfig;

  @Override
  public Integer call() {
    UNetConfig unetConfig = UNetConfig.fromJson(ModelFolder.readJson(config), config.toString());
    JsonObject scheduler = schedulerJson();
    try (UNet2DModel model = UNet2DModel.create(unetConfig, seed)) {
      model.save(out, scheduler);
      spec.commandLine().getOut().printf("init: wrote %s (%,d parameters, seed %d, scheduler: %s)%n", out,
          model.parameterCount(), seed, schedulerConfig == null ? "DDPM default" : schedulerConfig);
    }
    return 0;
  }

  /** The given scheduler config, validated, or the default one. */
  private JsonObject schedulerJson() {
    if (schedulerConfig == null) {
      return DefaultScheduler.json();
    }
    JsonObject json = ModelFolder.readJson(schedulerConfig);
    SchedulerConfig.fromJson(json, schedulerConfig.toString());
    return json;
  }
}
