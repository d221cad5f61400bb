package org.ddpm4j.image;

import java.util.Arrays;

/**
 * A batch of 8-bit images in NHWC order (sample, row, column, channel), the layout of diffusers' numpy output and of
 * {@code .npz} files. Values are unsigned: read them with {@link #get(int, int, int, int)} or {@code b & 0xFF}.
 *
 * <p>The record holds the array it is given, without copying; callers must not change it afterwards.
 *
 * @param n the number of samples
 * @param height the image height in pixels
 * @param width the image width in pixels
 * @param channels the channels per pixel (1 = gray, 3 = RGB)
 * @param nhwc the pixels, {@code n * height * width * channels} bytes
 */
public record Uint8Images(int n, int height, int width, int channels, byte[] nhwc) {

  /** Checks that the sizes are positive (n may be 0) and that the array holds exactly the pixels they describe. */
  public Uint8Images {
    if (n < 0 || height <= 0 || width <= 0 || channels <= 0) {
      throw new IllegalArgumentException(
          "invalid image batch size n=" + n + " h=" + height + " w=" + width + " c=" + channels);
    }
    long expected = (long) n * height * width * channels;
    if (nhwc.length != expected) {
      throw new IllegalArgumentException(
          "image batch " + n + "x" + height + "x" + width + "x" + channels + " needs " + expected + " bytes, got "
              + nhwc.length);
    }
  }

  /** Bytes per sample: {@code height * width * channels}. */
  public int sampleSize() {
    return height * width * channels;
  }

  /** The unsigned value (0..255) of one pixel channel. */
  public int get(int sample, int y, int x, int channel) {
    return nhwc[((sample * height + y) * width + x) * channels + channel] & 0xFF;
  }

  /** A copy of one sample's pixels (HWC). */
  public byte[] sample(int index) {
    int size = sampleSize();
    return Arrays.copyOfRange(nhwc, checkIndex(index) * size, (index + 1) * size);
  }

  /** One sample as a batch of one (a copy). */
  public Uint8Images single(int index) {
    return new Uint8Images(1, height, width, channels, sample(index));
  }

  /** Checks a sample index, naming it and the batch size when it is out of range. */
  int checkIndex(int index) {
    if (index < 0 || index >= n) {
      throw new IndexOutOfBoundsException("sample " + index + " out of range for a batch of " + n);
    }
    return index;
  }

  /** Equal when the sizes and every pixel are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Uint8Images u
        && n == u.n
        && height == u.height
        && width == u.width
        && channels == u.channels
        && Arrays.equals(nhwc, u.nhwc);
  }

  /** A hash of the sizes and the pixels. */
  @Override
  public int hashCode() {
    return 31 * (31 * (31 * (31 * n + height) + width) + channels) + Arrays.hashCode(nhwc);
  }

  /** The sizes, not the pixels. */
  @Override
  public String toString() {
    return "Uint8Images[" + n + "x" + height + "x" + width + "x" + channels + "]";
  }
}
