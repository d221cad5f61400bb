package org.ddpm4j.gateway.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ddpm4j.gateway.problem.ProblemException;
import org.ddpm4j.io.SafeTensors;
import org.ddpm4j.io.Tensor;
import org.jboss.logging.Logger;

/**
 * The models in one directory: each direct subfolder holding {@value #CONFIG} and {@value #WEIGHTS} is a model whose
 * id is the folder name. An id is a plain name ({@value #ID_RULE}); it is resolved only to a direct subfolder whose
 * real path (links followed) is still inside the directory.
 */
public final class ModelCatalog {
  /** The UNet config file of a model folder. */
  public static final String CONFIG = "config.json";
  /** The weights file of a model folder. */
  public static final String WEIGHTS = "diffusion_pytorch_model.safetensors";
  /** The scheduler config file of a model folder. */
  public static final String SCHEDULER = "scheduler_config.json";
  /** The rule a model id must follow, as told to clients. */
  public static final String ID_RULE = "1-64 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit";

  private static final Logger LOG = Logger.getLogger(ModelCatalog.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  private final Path root;
  private final ObjectMapper json;
  private final Map<Path, Described> described = new ConcurrentHashMap<>();

  private record Described(FileTime configTime, FileTime weightsTime, ModelInfo info) {}

  /** A catalog of the models in {@code root} (the folder may not exist yet: it then lists nothing). */
  public ModelCatalog(Path root, ObjectMapper json) {
    this.root = root.toAbsolutePath().normalize();
    this.json = json;
  }

  /** The model directory. */
  public Path root() {
    return root;
  }

  /** The models found now, by id. Folders that cannot be read are left out (and logged). */
  public List<ModelInfo> list() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children.map(p -> p.getFileName().toString())
          .filter(id -> ID.matcher(id).matches())
          .sorted()
          .map(this::tryDescribe)
          .flatMap(Optional::stream)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the model directory " + root, e);
    }
  }

  /**
   * The folder of a model.
   *
   * @throws ProblemException 400 if the id is not a plain name, 404 if no such model is in the directory
   */
  public Path resolve(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw ProblemException.invalidField("model", ID_RULE,
          "model id '" + id + "' is not a plain model name; GET /v1/models lists the ids");
    }
    Path folder = root.resolve(id).normalize();
    if (!root.equals(folder.getParent()) || !isModelFolder(folder) || !insideRoot(folder)) {
      throw ProblemException.unknownModel(id);
    }
    return folder;
  }

  /**
   * What the catalog says about one model.
   *
   * @throws ProblemException 400/404 as {@link #resolve}
   */
  public ModelInfo describe(String id) {
    return describeFolder(resolve(id));
  }

  private Optional<ModelInfo> tryDescribe(String id) {
    try {
      return Optional.of(describe(id));
    } catch (ProblemException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.warnf("model folder %s left out of the listing: %s", root.resolve(id), e.getMessage());
      return Optional.empty();
    }
  }

  private static boolean isModelFolder(Path folder) {
    return Files.isRegularFile(folder.resolve(CONFIG)) && Files.isRegularFile(folder.resolve(WEIGHTS));
  }

  private boolean insideRoot(Path folder) {
    try {
      Path realRoot = root.toRealPath();
      return folder.toRealPath().getParent().equals(realRoot)
          && folder.resolve(CONFIG).toRealPath().startsWith(realRoot)
          && folder.resolve(WEIGHTS).toRealPath().startsWith(realRoot);
    } catch (IOException e) {
      return false;
    }
  }

  private ModelInfo describeFolder(Path folder) {
    try {
      FileTime configTime = Files.getLastModifiedTime(folder.resolve(CONFIG), LinkOption.NOFOLLOW_LINKS);
      FileTime weightsTime = Files.getLastModifiedTime(folder.resolve(WEIGHTS), LinkOption.NOFOLLOW_LINKS);
      Described known = described.get(folder);
      if (known != null && known.configTime.equals(configTime) && known.weightsTime.equals(weightsTime)) {
        return known.info;
      }
      Map<String, Object> config = json.readValue(folder.resolve(CONFIG).toFile(), JSON_OBJECT);
      Path schedulerFile = folder.resolve(SCHEDULER);
      Map<String, Object> scheduler = Files.isRegularFile(schedulerFile)
          ? json.readValue(schedulerFile.toFile(), JSON_OBJECT) : null;
      long parameters = SafeTensors.read(folder.resolve(WEIGHTS)).tensors().values().stream()
          .mapToLong(Tensor::size).sum();
      ModelInfo info = new ModelInfo(folder.getFileName().toString(), intField(config, "sample_size", folder),
          intField(config, "out_channels", folder), parameters, config, scheduler);
      described.put(folder, new Described(configTime, weightsTime, info));
      return info;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model folder " + folder, e);
    }
  }

  private static int intField(Map<String, Object> config, String key, Path folder) {
    Object value = config.get(key);
    if (value instanceof List<?> list && !list.isEmpty()) {
      value = list.get(0);
    }
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException(folder.resolve(CONFIG) + ": '" + key + "' must be a number, got " + value);
    }
    return n.intValue();
  }
}
