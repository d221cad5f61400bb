package org.ddpm4j.eval.fmnist;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.ddpm4j.io.AtomicFiles;
import org.ddpm4j.io.CheckpointException;
import org.ddpm4j.io.SafeTensors;

/**
 * The layout of a classifier folder: {@code config.json} ({@link ClassifierConfig}) and {@code model.safetensors}
 * (the parameters by name, float32). Both files are written atomically.
 */
final class ClassifierFolder {
  /** The config file's name. */
  static final String CONFIG = "config.json";
  /** The weights file's name. */
  static final String WEIGHTS = "model.safetensors";

  private ClassifierFolder() {}

  /** Writes the network's config and weights into {@code dir} (created if needed). */
  static void write(Path dir, ClassifierNetwork network, Map<String, String> metadata) {
    AtomicFiles.write(dir.resolve(CONFIG), network.config().toJson().getBytes(StandardCharsets.UTF_8));
    SafeTensors.write(dir.resolve(WEIGHTS), network.toTensors(), metadata);
  }

  /**
   * The config of a folder.
   *
   * @throws CheckpointException naming the folder when it does not exist, or the file and field when the config is
   *     missing or invalid
   */
  static ClassifierConfig config(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CheckpointException(dir + ": classifier folder does not exist");
    }
    return ClassifierConfig.read(dir.resolve(CONFIG));
  }

  /**
   * The weights file of a folder, read.
   *
   * @throws CheckpointException naming the file when it is missing or malformed
   */
  static SafeTensors weights(Path dir) {
    Path file = dir.resolve(WEIGHTS);
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException(file + ": missing classifier weights file");
    }
    return SafeTensors.read(file);
  }

  /** The lowercase hex SHA-256 of a file's bytes. */
  static String sha256(Path file) {
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read (" + e.getMessage() + ")", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
