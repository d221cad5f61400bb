package org.ddpm4j.flink.sample;

import java.io.Serializable;

/**
 * The shape of one generated image.
 *
 * @param height pixels
 * @param width pixels
 * @param channels 1 (grey) or 3 (RGB)
 */
public record ImageShape(int height, int width, int channels) implements Serializable {
  /** Validates the sizes. */
  public ImageShape {
    if (height < 1 || width < 1 || (channels != 1 && channels != 3)) {
      throw new IllegalArgumentException(
          "images must be at least 1x1 with 1 or 3 channels, got " + height + "x" + width + "x" + channels);
    }
  }

  /** Bytes of one uint8 image. */
  public long bytes() {
    return (long) height * width * channels;
  }
}
