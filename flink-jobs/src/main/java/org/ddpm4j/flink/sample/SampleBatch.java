package org.ddpm4j.flink.sample;

import java.util.Arrays;
import org.ddpm4j.image.Uint8Images;

/**
 * A batch of generated samples: their global indices and their images (uint8 NHWC, converted as diffusers does).
 *
 * @param indices the global sample index of each image
 * @param images one image per index, in the same order
 */
public record SampleBatch(long[] indices, Uint8Images images) {
  /** Checks that there is one image per index. */
  public SampleBatch {
    if (images.n() != indices.length) {
      throw new IllegalArgumentException(
          "a batch of " + indices.length + " indices needs as many images, got " + images.n());
    }
  }

  /** The number of samples. */
  public int size() {
    return indices.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SampleBatch b && Arrays.equals(indices, b.indices) && images.equals(b.images);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(indices) + images.hashCode();
  }

  @Override
  public String toString() {
    return "SampleBatch[" + indices.length + " images " + images.height() + "x" + images.width() + "x"
        + images.channels() + (indices.length > 0 ? ", first index " + indices[0] : "") + "]";
  }
}
