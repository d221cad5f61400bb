package org.ddpm4j.train.data;

import java.nio.file.Path;
import java.util.Optional;
import org.ddpm4j.image.Uint8Images;

/**
 * A dataset held in memory as 8-bit pixels. Pixels are scaled as torchvision's {@code ToTensor()} followed by
 * {@code Normalize([0.5], [0.5])} (diffusers' training example) computes them in float32:
 * {@code ((v / 255f) - 0.5f) / 0.5f}, so 0 maps to -1 and 255 to 1 exactly.
 */
public final class Uint8Dataset implements Dataset {
  private static final float[] SCALE = new float[256];

  static {
    for (int v = 0; v < 256; v++) {
      SCALE[v] = ((v / 255f) - 0.5f) / 0.5f;
    }
  }

  private final Uint8Images images;
  private final Labels labels;
  private final Path source;

  /**
   * A dataset of the given images.
   *
   * @param images the pixels, NHWC
   * @param labels one label per image, or null when the dataset has none
   * @param source the file or folder the images came from, for messages
   */
  public Uint8Dataset(Uint8Images images, Labels labels, Path source) {
    if (labels != null && labels.size() != images.n()) {
      throw new IllegalArgumentException(
          source + ": " + images.n() + " images but " + labels.size() + " labels");
    }
    this.images = images;
    this.labels = labels;
    this.source = source;
  }

  /** The float value of a byte: {@code ((v / 255f) - 0.5f) / 0.5f}. */
  static float scale(int v) {
    return SCALE[v];
  }

  /** The 8-bit pixels (NHWC), e.g. to write a grid of training images. */
  public Uint8Images images() {
    return images;
  }

  /** The file or folder the images came from. */
  public Path source() {
    return source;
  }

  @Override
  public int size() {
    return images.n();
  }

  @Override
  public int channels() {
    return images.channels();
  }

  @Override
  public int height() {
    return images.height();
  }

  @Override
  public int width() {
    return images.width();
  }

  @Override
  public void get(int index, float[] dst, int offset) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("image " + index + " out of range for " + size() + " images of " + source);
    }
    int c = channels();
    int plane = height() * width();
    byte[] src = images.nhwc();
    int base = index * plane * c;
    for (int ch = 0; ch < c; ch++) {
      int out = offset + ch * plane;
      for (int p = 0; p < plane; p++) {
        dst[out + p] = SCALE[src[base + p * c + ch] & 0xFF];
      }
    }
  }

  @Override
  public Optional<Labels> labels() {
    return Optional.ofNullable(labels);
  }
}
