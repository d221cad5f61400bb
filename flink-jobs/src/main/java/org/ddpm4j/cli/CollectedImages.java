package org.ddpm4j.cli;

import org.ddpm4j.image.Uint8Images;

/** Samples 0..n-1 gathered batch by batch into one array in index order, for outputs written at the end. */
final class CollectedImages {
  private final int n;
  private byte[] pixels;
  private int height;
  private int width;
  private int channels;

  CollectedImages(int n) {
    this.n = n;
  }

  /** Copies a batch of consecutive indices starting at {@code firstIndex} into place. */
  void add(long firstIndex, Uint8Images batch) {
    if (pixels == null) {
      height = batch.height();
      width = batch.width();
      channels = batch.channels();
      pixels = new byte[Math.multiplyExact(n, batch.sampleSize())];
    }
    System.arraycopy(batch.nhwc(), 0, pixels, Math.toIntExact(firstIndex * batch.sampleSize()), batch.nhwc().length);
  }

  /** All n samples (the array itself, not a copy). */
  Uint8Images all() {
    return new Uint8Images(n, height, width, channels, pixels);
  }
}
