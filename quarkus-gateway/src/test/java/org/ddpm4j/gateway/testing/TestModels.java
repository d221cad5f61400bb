package org.ddpm4j.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Lays out the test model directory under target/test-models: {@code tiny} (the golden tiny U-Net with the DDPM
 * scheduler config of google/ddpm-cifar10-32), {@code half-model} (no weights, so not a model), and a link
 * {@code escape} to a model folder outside the directory (which must never resolve).
 */
public final class TestModels implements QuarkusTestResourceLifecycleManager {
  /** The id of the test model. */
  public static final String TINY = "tiny";

  /** The golden folder (system property golden.dir, set by the build). */
  public static Path golden() {
    String dir = System.getProperty("golden.dir");
    if (dir == null) {
      throw new IllegalStateException("system property golden.dir is not set (the Maven build sets it)");
    }
    return Path.of(dir);
  }

  /** The model directory the tests serve. */
  public static Path root() {
    return Path.of("target", "test-models").toAbsolutePath();
  }

  /** Creates the directory once per JVM (idempotent). */
  public static synchronized Path create() {
    Path root = root();
    try {
      Path tiny = root.resolve(TINY);
      Files.createDirectories(tiny);
      copy(golden().resolve("unet_tiny/config.json"), tiny.resolve("config.json"));
      copy(golden().resolve("unet_tiny/diffusion_pytorch_model.safetensors"),
          tiny.resolve("diffusion_pytorch_model.safetensors"));
      copy(golden().resolve("ddpm_cifar10_32/scheduler_config.json"), tiny.resolve("scheduler_config.json"));
      Path half = root.resolve("half-model");
      Files.createDirectories(half);
      copy(golden().resolve("unet_tiny/config.json"), half.resolve("config.json"));
      Path outside = Path.of("target", "outside-models", "secret").toAbsolutePath();
      Files.createDirectories(outside);
      copy(golden().resolve("unet_tiny/config.json"), outside.resolve("config.json"));
      copy(golden().resolve("unet_tiny/diffusion_pytorch_model.safetensors"),
          outside.resolve("diffusion_pytorch_model.safetensors"));
      Path link = root.resolve("escape");
      if (!Files.isSymbolicLink(link)) {
        Files.createSymbolicLink(link, outside);
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lay out the test models under " + root, e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public Map<String, String> start() {
    return Map.of("ddpm4j.gateway.models.dir", create().toString());
  }

  @Override
  public void stop() {}
}
