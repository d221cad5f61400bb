package org.ddpm4j.eval.fmnist;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ddpm4j.io.CheckpointException;

/**
 * The shape of the Fashion-MNIST classifier, stored as the model folder's {@code config.json}. The network is
 * {@code conv3x3(in -> conv1) - ReLU - maxpool2 - conv3x3(conv1 -> conv2) - ReLU - maxpool2 - linear(-> featureDim) -
 * ReLU [features] - linear(-> classes)}; convolutions pad by 1, so the image side must be a multiple of 4.
 *
 * @param imageSize the image side in pixels (28 for Fashion-MNIST)
 * @param inChannels the image channels (1)
 * @param conv1Channels output channels of the first convolution
 * @param conv2Channels output channels of the second convolution
 * @param featureDim width of the penultimate layer, whose activations are the FID-FMNIST features
 * @param classes the number of classes (10)
 */
public record ClassifierConfig(
    int imageSize, int inChannels, int conv1Channels, int conv2Channels, int featureDim, int classes) {

  /** The value of the {@code architecture} field, naming the network above; other values are rejected. */
  public static final String ARCHITECTURE = "ddpm4j-fmnist-cnn-v1";

  /** The shipped classifier's shape: 28x28x1, 32 and 64 channels, 256 features, 10 classes. */
  public static final ClassifierConfig DEFAULT = new ClassifierConfig(28, 1, 32, 64, 256, 10);

  /** Checks every field, naming it. */
  public ClassifierConfig {
    requirePositive("image_size", imageSize);
    requirePositive("in_channels", inChannels);
    requirePositive("conv1_channels", conv1Channels);
    requirePositive("conv2_channels", conv2Channels);
    requirePositive("feature_dim", featureDim);
    if (classes < 2) {
      throw new IllegalArgumentException("classifier config: classes must be >= 2, got " + classes);
    }
    if (imageSize % 4 != 0) {
      throw new IllegalArgumentException(
          "classifier config: image_size must be a multiple of 4 (two 2x2 poolings), got " + imageSize);
    }
  }

  private static void requirePositive(String field, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("classifier config: " + field + " must be >= 1, got " + value);
    }
  }

  /** Inputs of the first linear layer: {@code conv2Channels * (imageSize / 4)^2}. */
  public int flatDim() {
    int side = imageSize / 4;
    return conv2Channels * side * side;
  }

  /** The config as the JSON text of {@code config.json}. */
  public String toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("architecture", ARCHITECTURE);
    o.addProperty("image_size", imageSize);
    o.addProperty("in_channels", inChannels);
    o.addProperty("conv1_channels", conv1Channels);
    o.addProperty("conv2_channels", conv2Channels);
    o.addProperty("feature_dim", featureDim);
    o.addProperty("classes", classes);
    o.addProperty("input_scaling", "x = ((v / 255) - 0.5) / 0.5 for uint8 v, in float32");
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n";
  }

  /**
   * Reads a {@code config.json}.
   *
   * @throws CheckpointException naming the file and the field when the file is missing, is not JSON, names another
   *     architecture, or lacks a field or has an invalid value
   */
  public static ClassifierConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CheckpointException(file + ": missing classifier config", e);
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    JsonObject o;
    try {
      JsonElement el = JsonParser.parseString(text);
      if (!el.isJsonObject()) {
        throw new CheckpointException(file + ": invalid JSON (not an object)");
      }
      o = el.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new CheckpointException(file + ": invalid JSON (" + e.getMessage() + ")", e);
    }
    JsonElement archField = o.get("architecture");
    String arch = archField != null && archField.isJsonPrimitive() ? archField.getAsString() : null;
    if (!ARCHITECTURE.equals(arch)) {
      throw new CheckpointException(
          file + ": field 'architecture' is " + (arch == null ? "missing" : "'" + arch + "'") + ", expected '"
              + ARCHITECTURE + "'");
    }
    try {
      return new ClassifierConfig(
          intField(o, "image_size", file),
          intField(o, "in_channels", file),
          intField(o, "conv1_channels", file),
          intField(o, "conv2_channels", file),
          intField(o, "feature_dim", file),
          intField(o, "classes", file));
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(file + ": " + e.getMessage(), e);
    }
  }

  private static int intField(JsonObject o, String field, Path file) {
    JsonElement e = o.get(field);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new CheckpointException(file + ": field '" + field + "' is missing or not a number");
    }
    double v = e.getAsDouble();
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw new CheckpointException(file + ": field '" + field + "' must be an integer, got " + e);
    }
    return (int) v;
  }
}
