package org.ddpm4j.train.data;

import java.util.Optional;

/** A fixed set of equally sized images, read as float pixels in [-1, 1] in CHW order. */
public interface Dataset {
  /** The number of images. */
  int size();

  /** Channels per image (1 = gray, 3 = RGB). */
  int channels();

  /** Image height in pixels. */
  int height();

  /** Image width in pixels. */
  int width();

  /** Floats per image: {@code channels * height * width}. */
  default int imageSize() {
    return channels() * height() * width();
  }

  /**
   * Writes image {@code index} to {@code dst[offset .. offset + imageSize())} in CHW order, scaled to [-1, 1].
   *
   * @throws IndexOutOfBoundsException naming the index and the size when the index is out of range
   */
  void get(int index, float[] dst, int offset);

  /** The class labels, for datasets that have them (IDX with its labels file, CIFAR-10). */
  default Optional<Labels> labels() {
    return Optional.empty();
  }
}
