package org.ddpm4j.flink.sample;

import java.util.Arrays;

/**
 * A batch of generated samples: the global indices and the images as uint8, NHWC, row-major (the layout of
 * diffusers' {@code numpy_to_pil}: {@code round(clamp(x/2+0.5, 0, 1) * 255)}).
 *
 * @param indices the global sample index of each image
 * @param height image height
 * @param width image width
 * @param channels channels per pixel (1 or 3)
 * @param pixels {@code indices.length * height * width * channels} bytes
 */
public record SampleBatch(long[] indices, int height, int width, int channels, byte[] pixels) {
  /** Checks that the sizes agree. */
  public SampleBatch {
    if (height < 1 || width < 1 || channels < 1) {
      throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width + "x" + channels);
    }
    long expected = (long) indices.length * height * width * channels;
    if (pixels.length != expected) {
      throw new IllegalArgumentException("a batch of " + indices.length + " images of " + height + "x" + width + "x"
          + channels + " needs " + expected + " bytes, got " + pixels.length);
    }
  }

  /** The number of images. */
  public int size() {
    return indices.length;
  }

  /** The bytes of one image. */
  public int imageBytes() {
    return height * width * channels;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SampleBatch b && Arrays.equals(indices, b.indices) && height == b.height && width == b.width
        && channels == b.channels && Arrays.equals(pixels, b.pixels);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(indices) + Arrays.hashCode(pixels);
  }

  @Override
  public String toString() {
    return "SampleBatch[" + indices.length + " images " + height + "x" + width + "x" + channels + ", first index "
        + (indices.length > 0 ? indices[0] : -1) + "]";
  }
}
