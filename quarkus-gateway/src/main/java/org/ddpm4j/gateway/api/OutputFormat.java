package org.ddpm4j.gateway.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How {@code POST /v1/images} answers. */
public enum OutputFormat {
  /** One image as image/png (n must be 1). */
  PNG,
  /** All images in one grid, as image/png. */
  GRID,
  /** Base64 PNGs and the settings used, as application/json. */
  JSON;

  /** The name clients use. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The format a client named, or null if none has that name. */
  static OutputFormat byWireName(String name) {
    return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst().orElse(null);
  }

  /** The allowed names, for error messages. */
  static String wireNames() {
    return Arrays.stream(values()).map(OutputFormat::wireName).collect(Collectors.joining(", "));
  }
}
