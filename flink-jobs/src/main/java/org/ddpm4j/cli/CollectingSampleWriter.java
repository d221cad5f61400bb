package org.ddpm4j.cli;

import java.nio.file.Path;
import org.ddpm4j.image.Uint8Images;

/**
 * A writer of one file holding all samples 0..n-1: it gathers the batches into one array in index order and writes
 * the file at the end.
 */
abstract class CollectingSampleWriter implements SampleWriter {
  private final Path file;
  private final int n;
  private byte[] pixels;
  private int height;
  private int width;
  private int channels;

  CollectingSampleWriter(Path file, int n) {
    this.file = file;
    this.n = n;
  }

  /** Copies a batch of consecutive indices starting at {@code firstIndex} into place. */
  @Override
  public final void write(long firstIndex, Uint8Images batch) {
    if (pixels == null) {
      height = batch.height();
      width = batch.width();
      channels = batch.channels();
      pixels = new byte[Math.multiplyExact(n, batch.sampleSize())];
    }
    System.arraycopy(batch.nhwc(), 0, pixels, Math.toIntExact(firstIndex * batch.sampleSize()), batch.nhwc().length);
  }

  @Override
  public final Path finish() {
    writeAll(new Uint8Images(n, height, width, channels, pixels), file);
    return file;
  }

  /** Writes all n samples (the gathered array itself, not a copy) to {@code file}. */
  abstract void writeAll(Uint8Images all, Path file);
}
