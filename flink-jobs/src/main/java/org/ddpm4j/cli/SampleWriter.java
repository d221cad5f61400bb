package org.ddpm4j.cli;

import java.nio.file.Path;
import org.ddpm4j.image.Uint8Images;

/** Where {@code ddpm4j sample} puts the images of each batch. */
interface SampleWriter {
  /**
   * Takes one batch.
   *
   * @param firstIndex the global index of the batch's first sample (the batch holds consecutive indices)
   */
  void write(long firstIndex, Uint8Images batch);

  /** Writes what is still pending and returns what was written, for the summary line. */
  Path finish();

  /** The writer of a format for samples 0..n-1 in {@code dir}. */
  static SampleWriter create(SampleFormat format, Path dir, int n) {
    return switch (format) {
      case PNG -> new PngSampleWriter(dir, n);
      case GRID -> new GridSampleWriter(dir.resolve(GridSampleWriter.FILE_NAME), n);
    };
  }
}
