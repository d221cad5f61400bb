package org.ddpm4j.eval;

/**
 * A batch of 8-bit images, uint8 NCHW, the input of a {@link FeatureExtractor}. The array is not copied.
 *
 * @param count N
 * @param channels C (1 = grayscale, 3 = RGB)
 * @param height H
 * @param width W
 * @param pixels {@code N*C*H*W} bytes, values 0..255 as unsigned bytes
 */
public record ImageBatch(int count, int channels, int height, int width, byte[] pixels) {

  /** Checks the shape against the array length. */
  public ImageBatch {
    if (count < 0 || channels <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException("invalid image batch shape [" + count + ", " + channels + ", " + height
          + ", " + width + "]");
    }
    long need = (long) count * channels * height * width;
    if (pixels.length != need) {
      throw new IllegalArgumentException("image batch [" + count + ", " + channels + ", " + height + ", " + width
          + "] needs " + need + " bytes, got " + pixels.length);
    }
  }

  /**
   * The batch with 3 channels: grayscale replicated into R, G and B (what clean-fid's {@code convert('RGB')} and
   * StyleGAN2-ADA's {@code repeat([1, 3, 1, 1])} do); an RGB batch is returned as is.
   *
   * @throws IllegalArgumentException for another channel count
   */
  public ImageBatch toRgb() {
    if (channels == 3) {
      return this;
    }
    if (channels != 1) {
      throw new IllegalArgumentException("cannot convert images with " + channels + " channels to RGB");
    }
    int plane = height * width;
    byte[] rgb = new byte[count * 3 * plane];
    for (int i = 0; i < count; i++) {
      for (int c = 0; c < 3; c++) {
        System.arraycopy(pixels, i * plane, rgb, (i * 3 + c) * plane, plane);
      }
    }
    return new ImageBatch(count, 3, height, width, rgb);
  }
}
