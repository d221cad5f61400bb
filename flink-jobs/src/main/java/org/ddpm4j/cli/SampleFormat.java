package org.ddpm4j.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code ddpm4j sample} writes into its output folder. */
enum SampleFormat {
  /** One PNG per sample, named by its global index zero-padded to the width of n ({@code 000123.png}). */
  PNG,
  /** One grid PNG of all samples, {@code grid.png}. */
  GRID;

  /** The name users write. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format a user named (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and listing the valid names
   */
  static SampleFormat parse(String name) {
    for (SampleFormat f : values()) {
      if (f.id().equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "' (valid: "
        + Arrays.stream(values()).map(SampleFormat::id).collect(Collectors.joining(", ")) + ")");
  }
}
