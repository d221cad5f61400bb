package org.ddpm4j.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ddpm4j.conformance.GoldenDir;
import org.ddpm4j.io.ModelFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UNetConfigTest {
  private static final Path GOLDEN = GoldenDir.root();

  /**
   * The config.json of google/ddpm-church-256 as published (written by diffusers 0.1.x, so without the fields newer
   * versions add); ddpm-bedroom-256, -cat-256 and -celebahq-256 share this architecture.
   */
  static final String DDPM_256 = """
      {"_class_name": "UNet2DModel", "_diffusers_version": "0.1.1", "act_fn": "silu", "attention_head_dim": null,
       "block_out_channels": [128, 128, 256, 256, 512, 512], "center_input_sample": false,
       "down_block_types": ["DownBlock2D", "DownBlock2D", "DownBlock2D", "DownBlock2D", "AttnDownBlock2D",
                            "DownBlock2D"],
       "downsample_padding": 0, "flip_sin_to_cos": false, "freq_shift": 1, "in_channels": 3, "layers_per_block": 2,
       "mid_block_scale_factor": 1, "norm_eps": 1e-06, "norm_num_groups": 32, "out_channels": 3, "sample_size": 256,
       "time_embedding_type": "positional",
       "up_block_types": ["UpBlock2D", "AttnUpBlock2D", "UpBlock2D", "UpBlock2D", "UpBlock2D", "UpBlock2D"]}
      """;

  @Test
  void parsesTheCifar10Config() {
    UNetConfig c = TestConfigs.cifar10(GOLDEN);
    assertEquals(List.of(32), c.sampleSize());
    assertEquals(List.of(128, 256, 256, 256), c.blockOutChannels());
    assertEquals(List.of(BlockType.DOWN_BLOCK_2D, BlockType.ATTN_DOWN_BLOCK_2D, BlockType.DOWN_BLOCK_2D,
        BlockType.DOWN_BLOCK_2D), c.downBlockTypes());
    assertEquals(List.of(BlockType.UP_BLOCK_2D, BlockType.UP_BLOCK_2D, BlockType.ATTN_UP_BLOCK_2D,
        BlockType.UP_BLOCK_2D), c.upBlockTypes());
    assertEquals(1, c.freqShift());
    assertEquals(false, c.flipSinToCos());
    assertEquals(0, c.downsamplePadding());
    assertEquals(1e-6, c.normEps());
    assertEquals(32, c.normNumGroups());
    assertNull(c.attentionHeadDim());
    assertEquals(1, c.heads(256));
    assertEquals(512, c.timeEmbedDim());
  }

  @Test
  void parsesThePublished256ConfigAndBuildsIt() {
    UNetConfig c = UNetConfig.fromJson(TestConfigs.json(DDPM_256), "ddpm-church-256");
    assertEquals(6, c.levels());
    assertEquals(BlockType.ATTN_DOWN_BLOCK_2D, c.downBlockTypes().get(4));
    assertEquals(BlockType.ATTN_UP_BLOCK_2D, c.upBlockTypes().get(1));
    // fields the old config lacks take v0.21.4's defaults
    assertEquals(0.0, c.dropout());
    assertTrue(c.addAttention());
    try (UNet2DModel m = UNet2DModel.create(c, 0)) {
      // 113,673,219 float32 parameters = the 455 MB of the published weights; the PyTorch re-implementation in
      // bench/unet-forward (checked against diffusers' outputs) gives the same count
      assertEquals(113_673_219L, m.parameterCount());
      assertTrue(m.keys().contains("down_blocks.4.attentions.1.to_out.0.weight"));
      assertTrue(m.keys().contains("up_blocks.1.attentions.2.group_norm.bias"));
      assertEquals(List.of(512L, 1024L, 3L, 3L),
          toList(m.shapes().get("up_blocks.0.resnets.0.conv1.weight").getShape()));
    }
  }

  @Test
  void missingFieldsTakeTheDiffusersDefaults() {
    UNetConfig c = UNetConfig.fromJson(new JsonObject(), "empty");
    assertEquals(List.of(224, 448, 672, 896), c.blockOutChannels());
    assertEquals(List.of(BlockType.DOWN_BLOCK_2D, BlockType.ATTN_DOWN_BLOCK_2D, BlockType.ATTN_DOWN_BLOCK_2D,
        BlockType.ATTN_DOWN_BLOCK_2D), c.downBlockTypes());
    assertEquals(0, c.freqShift());
    assertTrue(c.flipSinToCos());
    assertEquals(1, c.downsamplePadding());
    assertEquals(1e-5, c.normEps());
    assertEquals(8, c.attentionHeadDim());
    assertEquals(56, c.heads(448));
    assertEquals(List.of(), c.sampleSize());
    assertEquals(2, c.layersPerBlock());
  }

  @Test
  void toJsonWritesEveryV0214FieldAndParsesBack() {
    UNetConfig c = TestConfigs.cifar10(GOLDEN);
    JsonObject written = c.toJson();
    JsonObject golden = ModelFolder.readJson(GOLDEN.resolve("ddpm_cifar10_32/config.json"));
    assertEquals(golden.keySet(), written.keySet());
    assertEquals(golden.get("down_block_types"), written.get("down_block_types"));
    assertEquals("UNet2DModel", written.get("_class_name").getAsString());
    assertTrue(written.get("attention_head_dim").isJsonNull());
    assertEquals(c, UNetConfig.fromJson(written, "written"));
    UNetConfig twoSided = UNetConfig.fromJson(TestConfigs.json("{\"sample_size\": [32, 64]}"), "x");
    assertEquals(twoSided, UNetConfig.fromJson(twoSided.toJson(), "written"));
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of("\"time_embedding_type\": \"fourier\"", "time_embedding_type", "fourier"),
        Arguments.of("\"act_fn\": \"gelu\"", "act_fn", "gelu"),
        Arguments.of("\"class_embed_type\": \"timestep\"", "class_embed_type", "timestep"),
        Arguments.of("\"num_class_embeds\": 10", "num_class_embeds", "10"),
        Arguments.of("\"resnet_time_scale_shift\": \"scale_shift\"", "resnet_time_scale_shift", "scale_shift"),
        Arguments.of("\"downsample_type\": \"resnet\"", "downsample_type", "resnet"),
        Arguments.of("\"upsample_type\": \"resnet\"", "upsample_type", "resnet"),
        Arguments.of("\"down_block_types\": [\"DownBlock2D\", \"SkipDownBlock2D\", \"DownBlock2D\", \"DownBlock2D\"]",
            "down_block_types", "SkipDownBlock2D"),
        Arguments.of("\"up_block_types\": [\"UpBlock2D\", \"DownBlock2D\", \"UpBlock2D\", \"UpBlock2D\"]",
            "up_block_types", "DownBlock2D"),
        Arguments.of("\"downsample_padding\": 2", "downsample_padding", "2"),
        Arguments.of("\"norm_num_groups\": 24", "block_out_channels", "24"),
        Arguments.of("\"attention_head_dim\": 48", "attention_head_dim", "48"),
        Arguments.of("\"block_out_channels\": [128, 256]", "block_out_channels", "2"),
        Arguments.of("\"dropout\": 1.5", "dropout", "1.5"),
        Arguments.of("\"layers_per_block\": 0", "layers_per_block", "0"),
        Arguments.of("\"layers_per_block\": 1.5", "layers_per_block", "1.5"),
        Arguments.of("\"in_channels\": \"3\"", "in_channels", "\"3\""),
        Arguments.of("\"attn_norm_num_groups\": 8", "attn_norm_num_groups", "8"),
        Arguments.of("\"num_train_timesteps\": 1000", "num_train_timesteps", "1000"),
        Arguments.of("\"_class_name\": \"UNet2DConditionModel\"", "_class_name", "UNet2DConditionModel"),
        Arguments.of("\"cross_attention_dim\": 768", "cross_attention_dim", "768"));
  }

  @ParameterizedTest
  @MethodSource("rejected")
  void rejectsUnsupportedValuesNamingFieldAndValue(String field, String name, String value) {
    JsonObject base = ModelFolder.readJson(GOLDEN.resolve("ddpm_cifar10_32/config.json"));
    JsonObject patch = TestConfigs.json("{" + field + "}");
    patch.entrySet().forEach(e -> base.add(e.getKey(), e.getValue()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UNetConfig.fromJson(base, "cfg.json"));
    assertTrue(e.getMessage().startsWith("cfg.json: "), e.getMessage());
    assertTrue(e.getMessage().contains(name), e.getMessage());
    assertTrue(e.getMessage().contains(value), e.getMessage());
  }

  @Test
  void acceptsNewerFieldsThatLeaveTheNetworkUnchanged() {
    JsonObject base = ModelFolder.readJson(GOLDEN.resolve("ddpm_cifar10_32/config.json"));
    base.add("attn_norm_num_groups", com.google.gson.JsonNull.INSTANCE);
    base.add("num_train_timesteps", com.google.gson.JsonNull.INSTANCE);
    assertEquals(TestConfigs.cifar10(GOLDEN), UNetConfig.fromJson(base, "newer"));
    base.addProperty("attn_norm_num_groups", 32);
    assertEquals(TestConfigs.cifar10(GOLDEN), UNetConfig.fromJson(base, "newer"));
  }

  private static List<Long> toList(long[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }
}
