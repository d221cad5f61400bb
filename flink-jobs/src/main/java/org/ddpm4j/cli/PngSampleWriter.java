package org.ddpm4j.cli;

import java.nio.file.Path;
import org.ddpm4j.image.PngWriter;
import org.ddpm4j.image.Uint8Images;

/**
 * One PNG per sample, written as soon as its batch is done: {@code 000123.png}, the global index zero-padded to the
 * number of digits of n (so that the names sort in index order).
 */
final class PngSampleWriter implements SampleWriter {
  private final Path dir;
  private final String pattern;

  PngSampleWriter(Path dir, int n) {
    this.dir = dir;
    this.pattern = "%0" + Integer.toString(n).length() + "d.png";
  }

  /** The file name of a global index. */
  String fileName(long index) {
    return String.format(pattern, index);
  }

  @Override
  public void write(long firstIndex, Uint8Images batch) {
    PngWriter.writeAll(batch, dir, i -> fileName(firstIndex + i));
  }

  @Override
  public Path finish() {
    return dir;
  }
}
