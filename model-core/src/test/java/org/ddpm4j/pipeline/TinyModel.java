package org.ddpm4j.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ddpm4j.conformance.GoldenDir;
import org.ddpm4j.io.ModelFolder;

/**
 * The real tiny U-Net of the golden folder ({@code unet_tiny}: 3 channels, 16x16, diffusers weights) as a model folder
 * with the scheduler config of google/ddpm-cifar10-32 (DDPM, linear betas, fixed_large).
 */
final class TinyModel {
  private TinyModel() {}

  /** Copies the tiny model into {@code dir}, with the CIFAR-10 scheduler config when {@code withScheduler}. */
  static Path copyTo(Path dir, boolean withScheduler) {
    Path golden = GoldenDir.root();
    try {
      Files.createDirectories(dir);
      Files.copy(golden.resolve("unet_tiny").resolve(ModelFolder.CONFIG), dir.resolve(ModelFolder.CONFIG));
      Files.copy(golden.resolve("unet_tiny").resolve(ModelFolder.WEIGHTS), dir.resolve(ModelFolder.WEIGHTS));
      if (withScheduler) {
        Files.copy(golden.resolve("ddpm_cifar10_32").resolve(ModelFolder.SCHEDULER_CONFIG),
            dir.resolve(ModelFolder.SCHEDULER_CONFIG));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }
}
