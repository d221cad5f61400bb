package org.ddpm4j.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A shard of generated images in one {@code .npz}: key {@value #IMAGES} holds uint8 images [N, H, W, C] (NHWC, the
 * layout of openai/improved-diffusion's sample archives) and key {@value #INDICES} the int64 sample index of each
 * image [N], so shards written in any order or by any number of workers can be merged without duplicates.
 *
 * @param count N, number of images
 * @param height H
 * @param width W
 * @param channels C (1 or 3)
 * @param pixels N*H*W*C bytes, NHWC order, values 0..255 as unsigned bytes
 * @param indices the N sample indices
 */
public record ImageShard(int count, int height, int width, int channels, byte[] pixels, long[] indices) {
  /** Key of the image array. */
  public static final String IMAGES = "images";
  /** Key of the sample index array. */
  public static final String INDICES = "indices";

  /** Checks sizes and copies the arrays. */
  public ImageShard {
    if (count < 0 || height <= 0 || width <= 0 || (channels != 1 && channels != 3)) {
      throw new IllegalArgumentException("invalid image shard shape [" + count + ", " + height + ", " + width + ", "
          + channels + "] (channels must be 1 or 3)");
    }
    if (pixels.length != (long) count * height * width * channels) {
      throw new IllegalArgumentException("image shard [" + count + ", " + height + ", " + width + ", " + channels
          + "] needs " + (long) count * height * width * channels + " bytes, got " + pixels.length);
    }
    if (indices.length != count) {
      throw new IllegalArgumentException("image shard of " + count + " images has " + indices.length + " indices");
    }
    pixels = pixels.clone();
    indices = indices.clone();
  }

  /** The pixels (a copy). */
  @Override
  public byte[] pixels() {
    return pixels.clone();
  }

  /** The sample indices (a copy). */
  @Override
  public long[] indices() {
    return indices.clone();
  }

  /** Writes the shard atomically as {@code {images: uint8 [N,H,W,C], indices: int64 [N]}}. */
  public void write(Path file) {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    arrays.put(IMAGES, NpyArray.ofUnsignedBytes(new long[] {count, height, width, channels}, pixels));
    arrays.put(INDICES, NpyArray.ofLongs(new long[] {count}, indices));
    Npz.write(file, arrays);
  }

  /**
   * Reads a shard.
   *
   * @throws CheckpointException naming the file when an array is missing or has the wrong type or shape
   */
  public static ImageShard read(Path file) {
    Npz npz = Npz.read(file);
    NpyArray images = npz.get(IMAGES);
    NpyArray idx = npz.get(INDICES);
    long[] s = images.shape();
    if (images.type() != NpyType.UINT8 || s.length != 4 || (s[3] != 1 && s[3] != 3)) {
      throw new CheckpointException(file + ": array '" + IMAGES + "' must be uint8 [N, H, W, C] with C = 1 or 3, "
          + "got " + images);
    }
    long[] is = idx.shape();
    if ((idx.type() != NpyType.INT64 && idx.type() != NpyType.INT32) || is.length != 1 || is[0] != s[0]) {
      throw new CheckpointException(file + ": array '" + INDICES + "' must be int64 [" + s[0] + "], got " + idx);
    }
    return new ImageShard((int) s[0], (int) s[1], (int) s[2], (int) s[3], images.toBytes(), idx.toLongs());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageShard other && count == other.count && height == other.height && width == other.width
        && channels == other.channels && Arrays.equals(pixels, other.pixels) && Arrays.equals(indices, other.indices);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(pixels) + Arrays.hashCode(indices);
  }

  @Override
  public String toString() {
    return "ImageShard[" + count + ", " + height + ", " + width + ", " + channels + "]";
  }
}
