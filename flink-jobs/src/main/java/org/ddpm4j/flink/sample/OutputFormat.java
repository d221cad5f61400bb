package org.ddpm4j.flink.sample;

import java.util.Locale;

/** Which files the job writes: one PNG per sample, one npz shard per batch, or both. */
public enum OutputFormat {
  /** {@code samples/000123.png}. */
  PNG,
  /** {@code npz/000096-000127.npz} with {@code arr_0} (uint8 NHWC) and {@code indices} (int64). */
  NPZ,
  /** Both. */
  BOTH;

  /** Whether PNG files are written. */
  public boolean writesPng() {
    return this != NPZ;
  }

  /** Whether npz shards are written. */
  public boolean writesNpz() {
    return this != PNG;
  }

  /** The lower-case name used on the command line and in job.json. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses "png", "npz" or "both" (any case).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static OutputFormat parse(String text) {
    for (OutputFormat f : values()) {
      if (f.label().equalsIgnoreCase(text.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown output format '" + text + "' (expected png, npz or both)");
  }
}
