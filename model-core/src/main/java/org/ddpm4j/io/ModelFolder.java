package org.ddpm4j.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A diffusers model folder: {@code config.json} (the model's config), {@code diffusion_pytorch_model.safetensors}
 * (its weights) and, when present, {@code scheduler_config.json} (the scheduler's config, kept as raw JSON here; the
 * schedulers parse it). Reading memory-maps the weights; saving writes a folder that diffusers'
 * {@code from_pretrained} loads, atomically.
 */
public final class ModelFolder {
  /** The model config file name. */
  public static final String CONFIG = "config.json";
  /** The weights file name. */
  public static final String WEIGHTS = "diffusion_pytorch_model.safetensors";
  /** The optional scheduler config file name. */
  public static final String SCHEDULER_CONFIG = "scheduler_config.json";

  private static final Set<String> OWN_FILES = Set.of(CONFIG, WEIGHTS, SCHEDULER_CONFIG);
  private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
      .create();

  private final Path dir;
  private final JsonObject config;
  private final SafeTensors weights;

  private ModelFolder(Path dir, JsonObject config, SafeTensors weights) {
    this.dir = dir;
    this.config = config;
    this.weights = weights;
  }

  /**
   * Opens a model folder: parses {@code config.json} and memory-maps the weights.
   *
   * @throws CheckpointException naming the file when the folder, {@code config.json} or the weights file is missing,
   *     the config is not valid JSON, or the weights file is corrupt (see {@link SafeTensors#read})
   */
  public static ModelFolder open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CheckpointException(dir + ": not a model folder (no such directory)");
    }
    Path configPath = dir.resolve(CONFIG);
    if (!Files.isRegularFile(configPath)) {
      throw new CheckpointException(configPath + ": missing config.json (a diffusers model folder holds " + CONFIG
          + " and " + WEIGHTS + ")");
    }
    JsonObject config = readJson(configPath);
    Path weightsPath = dir.resolve(WEIGHTS);
    if (!Files.isRegularFile(weightsPath)) {
      throw new CheckpointException(weightsPath + ": missing weights file " + WEIGHTS);
    }
    return new ModelFolder(dir, config, SafeTensors.read(weightsPath));
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /** The path of {@code config.json}. */
  public Path configPath() {
    return dir.resolve(CONFIG);
  }

  /** The path of the weights file. */
  public Path weightsPath() {
    return dir.resolve(WEIGHTS);
  }

  /** The parsed {@code config.json} (a copy). */
  public JsonObject config() {
    return config.deepCopy();
  }

  /** The memory-mapped weights. */
  public SafeTensors weights() {
    return weights;
  }

  /** The path of {@code scheduler_config.json}, when the folder has one. */
  public Optional<Path> schedulerConfigPath() {
    Path p = dir.resolve(SCHEDULER_CONFIG);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * The parsed {@code scheduler_config.json}, when the folder has one.
   *
   * @throws CheckpointException naming the file when it is not a JSON object
   */
  public Optional<JsonObject> schedulerConfig() {
    return schedulerConfigPath().map(ModelFolder::readJson);
  }

  /**
   * Reads a JSON object from a file.
   *
   * @throws CheckpointException naming the file when it cannot be read or is not a valid JSON object
   */
  public static JsonObject readJson(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CheckpointException(file + ": missing file", e);
    } catch (IOException | UncheckedIOException e) {
      throw new CheckpointException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    JsonElement el;
    try {
      el = JsonParser.parseString(text);
    } catch (JsonParseException e) {
      throw new CheckpointException(file + ": invalid JSON (" + e.getMessage() + ")", e);
    }
    if (!el.isJsonObject()) {
      throw new CheckpointException(file + ": invalid JSON (expected an object, found " + (el.isJsonNull() ? "nothing"
          : el.getClass().getSimpleName()) + ")");
    }
    return el.getAsJsonObject();
  }

  /**
   * Writes a model folder: {@code config.json} (indented JSON), the weights as safetensors with metadata
   * {@code {"format": "pt"}}, and {@code scheduler_config.json} when given. Everything is written into a temporary
   * sibling folder that is then renamed onto {@code dir}, so no half-written model folder is ever visible. An existing
   * {@code dir} is replaced when it holds nothing but these three files; otherwise the save is refused, so that no
   * other file is ever lost.
   *
   * @param config the model config (written as given; it should hold {@code _class_name})
   * @param weights the tensors in the order to write
   * @param schedulerConfig the scheduler config, or null for none
   * @throws CheckpointException naming the folder when it cannot be written
   */
  public static void save(Path dir, JsonObject config, Collection<Tensor> weights, JsonObject schedulerConfig) {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    checkReplaceable(target);
    Path tmp = null;
    Path old = null;
    try {
      Files.createDirectories(parent);
      tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
      AtomicFiles.write(tmp.resolve(CONFIG), json(config));
      SafeTensors.write(tmp.resolve(WEIGHTS), weights, Map.of("format", "pt"));
      if (schedulerConfig != null) {
        AtomicFiles.write(tmp.resolve(SCHEDULER_CONFIG), json(schedulerConfig));
      }
      if (Files.exists(target)) {
        old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old-");
        Files.delete(old);
        Files.move(target, old);
      }
      AtomicFiles.move(tmp, target);
      tmp = null;
    } catch (IOException e) {
      throw new CheckpointException(target + ": cannot save the model folder (" + e + ")", e);
    } finally {
      deleteQuietly(tmp);
      deleteQuietly(old);
    }
  }

  private static byte[] json(JsonObject o) {
    return (PRETTY.toJson(o) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void checkReplaceable(Path target) {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new CheckpointException(target + ": cannot save a model folder over a file");
    }
    List<String> others = new ArrayList<>();
    try (Stream<Path> s = Files.list(target)) {
      s.map(p -> p.getFileName().toString()).filter(n -> !OWN_FILES.contains(n)).sorted().forEach(others::add);
    } catch (IOException e) {
      throw new CheckpointException(target + ": cannot list the folder (" + e + ")", e);
    }
    if (!others.isEmpty()) {
      throw new CheckpointException(target + ": refusing to replace a folder that holds other files " + others
          + "; save into a new or empty folder");
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a hidden leftover named after the target; nothing else to do
    }
  }
}
