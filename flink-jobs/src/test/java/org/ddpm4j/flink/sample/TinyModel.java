package org.ddpm4j.flink.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Test helper: the tiny golden U-Net (16x16 RGB, random weights) as a model folder with a scheduler config. */
final class TinyModel {
  private TinyModel() {}

  /** The golden folder (system property {@code golden.dir}, set by the build). */
  static Path golden() {
    String dir = System.getProperty("golden.dir");
    if (dir == null) {
      throw new IllegalStateException("system property golden.dir is not set (run the tests through Maven)");
    }
    return Path.of(dir);
  }

  /**
   * Copies {@code unet_tiny}'s config and weights and the DDPM scheduler config of {@code ddpm_cifar10_32} into
   * {@code dir}.
   */
  static Path copyTo(Path dir) {
    try {
      Files.createDirectories(dir);
      for (String f : new String[] {"config.json", "diffusion_pytorch_model.safetensors"}) {
        Files.copy(golden().resolve("unet_tiny").resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.copy(golden().resolve("ddpm_cifar10_32/scheduler_config.json"), dir.resolve("scheduler_config.json"),
          StandardCopyOption.REPLACE_EXISTING);
      for (String f : new String[] {"config.json", "diffusion_pytorch_model.safetensors", "scheduler_config.json"}) {
        dir.resolve(f).toFile().setWritable(true);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
