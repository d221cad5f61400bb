package org.ddpm4j.flink.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.ddpm4j.io.ModelFolder;

/**
 * The identity of a model folder for the manifest: SHA-256 over, for each of {@code config.json},
 * {@code diffusion_pytorch_model.safetensors} and {@code scheduler_config.json} that exists (in that order), the file
 * name, a NUL byte, the 8-byte big-endian length and the bytes.
 */
final class ModelFolderHash {
  private static final List<String> FILES =
      List.of(ModelFolder.CONFIG, ModelFolder.WEIGHTS, ModelFolder.SCHEDULER_CONFIG);

  private ModelFolderHash() {}

  /** The hex digest. */
  static String sha256(Path dir) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
    byte[] buffer = new byte[1 << 20];
    for (String name : FILES) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      try (InputStream in = Files.newInputStream(file)) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        long size = Files.size(file);
        for (int s = 56; s >= 0; s -= 8) {
          digest.update((byte) (size >>> s));
        }
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": cannot read (" + e + ")", e);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
