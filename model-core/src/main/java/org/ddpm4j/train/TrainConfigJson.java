package org.ddpm4j.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and writes {@link TrainConfig} as JSON with the record's field names. A partial document is laid over a base
 * config (the defaults, or a checkpoint's config), so a file or a set of flags only names what it changes; an unknown
 * key is an error that names it.
 */
public final class TrainConfigJson {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

  private TrainConfigJson() {}

  /** The config as pretty-printed JSON. */
  public static String toJson(TrainConfig config) {
    return GSON.toJson(config);
  }

  /** The config as a JSON tree (to lay overrides on). */
  public static JsonObject toTree(TrainConfig config) {
    return GSON.toJsonTree(config).getAsJsonObject();
  }

  /**
   * Lays {@code overrides} over {@code base} and builds the result.
   *
   * @param where names the source of the overrides in messages (a file, "command line")
   * @throws IllegalArgumentException naming the key for an unknown key, a value of the wrong type or out of range
   */
  public static TrainConfig merge(TrainConfig base, JsonObject overrides, String where) {
    JsonObject tree = toTree(base);
    overlay(tree, overrides, "", where);
    try {
      return GSON.fromJson(tree, TrainConfig.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // Gson wraps what a record's compact constructor throws; that message names the field and the rule
      if (e.getCause() instanceof IllegalArgumentException rule) {
        throw new IllegalArgumentException(where + ": " + rule.getMessage(), rule);
      }
      throw new IllegalArgumentException(where + ": invalid training config (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Reads a JSON file laid over {@code base}.
   *
   * @throws IllegalArgumentException naming the file for unreadable or invalid JSON and for bad keys or values
   */
  public static TrainConfig read(Path file, TrainConfig base) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read the training config (" + e.getMessage() + ")", e);
    }
    JsonElement el;
    try {
      el = JsonParser.parseString(text);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(file + ": invalid JSON (" + e.getMessage() + ")", e);
    }
    if (!el.isJsonObject()) {
      throw new IllegalArgumentException(file + ": the training config must be a JSON object");
    }
    return merge(base, el.getAsJsonObject(), file.toString());
  }

  private static void overlay(JsonObject target, JsonObject src, String prefix, String where) {
    for (Map.Entry<String, JsonElement> e : src.entrySet()) {
      String key = prefix + e.getKey();
      JsonElement current = target.get(e.getKey());
      if (current == null) {
        throw new IllegalArgumentException(where + ": unknown training config key '" + key + "'");
      }
      if (current.isJsonObject()) {
        if (!e.getValue().isJsonObject()) {
          throw new IllegalArgumentException(where + ": training config key '" + key + "' must be an object");
        }
        overlay(current.getAsJsonObject(), e.getValue().getAsJsonObject(), key + ".", where);
      } else {
        target.add(e.getKey(), e.getValue());
      }
    }
  }
}
