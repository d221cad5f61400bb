package org.ddpm4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A very small diffusers UNet2DModel config (1 channel, 8x8, two levels with attention) for fast command tests. */
final class TinyConfig {
  private TinyConfig() {}

  /** The config's JSON with one field's JSON value replaced, or as is when {@code field} is null. */
  static String json(String field, String value) {
    String json = """
        {
          "_class_name": "UNet2DModel",
          "_diffusers_version": "0.21.4",
          "act_fn": "silu",
          "attention_head_dim": null,
          "block_out_channels": [16, 32],
          "down_block_types": ["DownBlock2D", "AttnDownBlock2D"],
          "up_block_types": ["AttnUpBlock2D", "UpBlock2D"],
          "dropout": 0.0,
          "in_channels": 1,
          "out_channels": 1,
          "layers_per_block": 1,
          "norm_num_groups": 8,
          "sample_size": 8
        }
        """;
    return field == null ? json
        : json.replaceFirst("(?m)\"" + field + "\": .*?(,?)$", "\"" + field + "\": " + value + "$1");
  }

  /** Writes the config (with one field replaced, when {@code field} is not null) to {@code file}. */
  static Path write(Path file, String field, String value) {
    try {
      return Files.writeString(file, json(field, value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
