package org.ddpm4j.cli;

import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.pipeline.DefaultScheduler;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.unet.UNet2DModel;
import org.ddpm4j.unet.UNetConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ddpm4j inspect}: what a model folder holds. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Loads a diffusers model folder and prints its U-Net config, parameter count, every state_dict key with its "
          + "shape, and the scheduler config sampling uses (scheduler_config.json, or the DDPM default without one)."
    })
public final class InspectCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "diffusers model folder")
  Path model;

  @Override
  public Integer call() {
    ModelFolder folder = ModelFolder.open(model);
    JsonObject scheduler = folder.schedulerConfig().orElseGet(DefaultScheduler::json);
    SchedulerConfig.fromJson(scheduler, folder.schedulerConfigPath().map(Path::toString).orElse("default"));
    PrintWriter out = spec.commandLine().getOut();
    try (UNet2DModel unet = UNet2DModel.load(model)) {
      out.println("model: " + model);
      out.println("config (" + UNetConfig.CLASS_NAME + "):");
      printFields(out, unet.config().toJson());
      out.printf("parameters: %,d%n", unet.parameterCount());
      Map<String, Shape> shapes = unet.shapes();
      out.println("keys (" + shapes.size() + "):");
      shapes.forEach((k, s) -> out.println("  " + k + " " + s));
      out.println("scheduler (" + folder.schedulerConfigPath().map(p -> p.getFileName().toString())
          .orElse("none in the folder; the DDPM default") + "):");
      printFields(out, scheduler);
    }
    return 0;
  }

  private static void printFields(PrintWriter out, JsonObject json) {
    for (Map.Entry<String, JsonElement> e : json.entrySet()) {
      out.println("  " + e.getKey() + ": " + e.getValue());
    }
  }
}
