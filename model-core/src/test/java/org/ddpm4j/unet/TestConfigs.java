package org.ddpm4j.unet;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.ddpm4j.io.ModelFolder;

/** Configs shared by the U-Net tests. */
final class TestConfigs {
  private TestConfigs() {}

  /** A JSON object from text. */
  static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  /**
   * A small network with every block family (down, attention down, mid attention, attention up, up), several heads
   * in its attention blocks, fast enough for gradient and memory tests. Every convolution input has a multiple of 16
   * channels (or 3): libtorch 2.7.1's oneDNN convolution returns wrong values on some CPUs for other counts such as
   * 20, 24 or 40 (see docs/BENCHMARKS.md, "unet-forward").
   */
  static UNetConfig small(double dropout) {
    return UNetConfig.fromJson(json("""
        {"_class_name": "UNet2DModel", "sample_size": 8, "in_channels": 3, "out_channels": 3,
         "block_out_channels": [16, 32], "layers_per_block": 1, "norm_num_groups": 4, "norm_eps": 1e-6,
         "down_block_types": ["DownBlock2D", "AttnDownBlock2D"], "up_block_types": ["AttnUpBlock2D", "UpBlock2D"],
         "attention_head_dim": 8, "freq_shift": 1, "flip_sin_to_cos": false, "downsample_padding": 0,
         "dropout": %s}
        """.formatted(dropout)), "small");
  }

  /** The golden folder's google/ddpm-cifar10-32 architecture. */
  static UNetConfig cifar10(Path golden) {
    Path p = golden.resolve("ddpm_cifar10_32/config.json");
    return UNetConfig.fromJson(ModelFolder.readJson(p), p.toString());
  }
}
