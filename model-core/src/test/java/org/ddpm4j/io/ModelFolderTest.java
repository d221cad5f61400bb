package org.ddpm4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderTest {
  @TempDir
  Path tmp;

  private static JsonObject json(String s) {
    return JsonParser.parseString(s).getAsJsonObject();
  }

  private static final List<Tensor> WEIGHTS = List.of(
      Tensor.ofFloats("conv.weight", new long[] {2, 1, 1, 1}, new float[] {0.25f, -1e-7f}),
      Tensor.ofFloats("conv.bias", new long[] {2}, new float[] {3f, Float.MIN_NORMAL}));

  @Test
  void savesAFolderThatOpensBackIdentically() throws IOException {
    Path dir = tmp.resolve("model");
    JsonObject config = json("{\"_class_name\": \"UNet2DModel\", \"attention_head_dim\": null, \"norm_eps\": 1e-06}");
    JsonObject scheduler = json("{\"_class_name\": \"DDPMScheduler\", \"beta_schedule\": \"linear\"}");
    ModelFolder.save(dir, config, WEIGHTS, scheduler);

    ModelFolder f = ModelFolder.open(dir);
    assertEquals(config, f.config());
    assertTrue(f.config().get("attention_head_dim").isJsonNull(), "null fields are written, not dropped");
    assertEquals(Map.of("format", "pt"), f.weights().metadata());
    assertEquals(List.of("conv.weight", "conv.bias"), List.copyOf(f.weights().tensors().keySet()));
    assertArrayEquals(new float[] {0.25f, -1e-7f}, f.weights().get("conv.weight").toFloats());
    assertArrayEquals(new float[] {3f, Float.MIN_NORMAL}, f.weights().get("conv.bias").toFloats());
    assertEquals(scheduler, f.schedulerConfig().orElseThrow());
    assertEquals(dir.resolve("scheduler_config.json"), f.schedulerConfigPath().orElseThrow());
    String text = Files.readString(dir.resolve("config.json"), StandardCharsets.UTF_8);
    assertTrue(text.startsWith("{\n  \"_class_name\": \"UNet2DModel\""), text);
    assertEquals(List.of("model"), names(tmp), "no temporary sibling left behind");
  }

  @Test
  void withoutASchedulerConfigThereIsNone() {
    Path dir = tmp.resolve("m");
    ModelFolder.save(dir, json("{}"), WEIGHTS, null);
    assertTrue(ModelFolder.open(dir).schedulerConfig().isEmpty());
    assertFalse(Files.exists(dir.resolve("scheduler_config.json")));
  }

  @Test
  void replacesAnOlderModelFolderButNeverOtherFiles() throws IOException {
    Path dir = tmp.resolve("m");
    ModelFolder.save(dir, json("{\"v\": 1}"), WEIGHTS, json("{}"));
    ModelFolder.save(dir, json("{\"v\": 2}"), WEIGHTS.subList(0, 1), null);
    assertEquals(2, ModelFolder.open(dir).config().get("v").getAsInt());
    assertEquals(List.of("config.json", "diffusion_pytorch_model.safetensors"), names(dir));
    assertEquals(List.of("m"), names(tmp));

    Files.writeString(dir.resolve("README.md"), "mine");
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> ModelFolder.save(dir, json("{\"v\": 3}"), WEIGHTS, null));
    assertTrue(e.getMessage().contains("README.md"), e.getMessage());
    assertEquals("mine", Files.readString(dir.resolve("README.md")));
    assertEquals(2, ModelFolder.open(dir).config().get("v").getAsInt());
    assertEquals(List.of("m"), names(tmp));
  }

  @Test
  void missingOrInvalidFilesAreNamed() throws IOException {
    Path dir = tmp.resolve("m");
    assertMessage(() -> ModelFolder.open(dir), dir.toString(), "no such directory");
    Files.createDirectories(dir);
    assertMessage(() -> ModelFolder.open(dir), dir.resolve("config.json").toString(), "missing config.json");
    Files.writeString(dir.resolve("config.json"), "{\"in_channels\": 3,");
    assertMessage(() -> ModelFolder.open(dir), dir.resolve("config.json").toString(), "invalid JSON");
    Files.writeString(dir.resolve("config.json"), "[1, 2]");
    assertMessage(() -> ModelFolder.open(dir), "config.json", "expected an object");
    Files.writeString(dir.resolve("config.json"), "{}");
    assertMessage(() -> ModelFolder.open(dir), "diffusion_pytorch_model.safetensors", "missing weights file");
    Files.writeString(dir.resolve("scheduler_config.json"), "{oops");
    SafeTensors.write(dir.resolve("diffusion_pytorch_model.safetensors"), WEIGHTS, Map.of());
    ModelFolder f = ModelFolder.open(dir);
    assertMessage(f::schedulerConfig, "scheduler_config.json", "invalid JSON");
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable call, String file, String problem) {
    CheckpointException e = assertThrows(CheckpointException.class, call);
    assertTrue(e.getMessage().contains(file), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
