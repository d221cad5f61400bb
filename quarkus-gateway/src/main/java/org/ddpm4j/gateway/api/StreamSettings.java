package org.ddpm4j.gateway.api;

/**
 * How streams render previews.
 *
 * @param previewSize the longest side of a preview grid, in pixels
 */
public record StreamSettings(int previewSize) {
  /** Checks the size. */
  public StreamSettings {
    if (previewSize < 8) {
      throw new IllegalArgumentException("ddpm4j.gateway.stream.preview-size must be >= 8, got " + previewSize);
    }
  }
}
