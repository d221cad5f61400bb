package org.ddpm4j.cli;

import java.nio.file.Path;
import org.ddpm4j.image.GridLayout;
import org.ddpm4j.image.ImageGrid;
import org.ddpm4j.image.Uint8Images;

/** All samples in one PNG grid ({@link GridLayout#square}: ceil(sqrt(n)) per row), written at the end. */
final class GridSampleWriter implements SampleWriter {
  /** The grid's file name in the output folder. */
  static final String FILE_NAME = "grid.png";

  private final Path file;
  private final int n;
  private byte[] pixels;
  private Uint8Images first;

  GridSampleWriter(Path file, int n) {
    this.file = file;
    this.n = n;
  }

  @Override
  public void write(long firstIndex, Uint8Images batch) {
    if (pixels == null) {
      first = batch;
      pixels = new byte[Math.multiplyExact(n, batch.sampleSize())];
    }
    System.arraycopy(batch.nhwc(), 0, pixels, Math.toIntExact(firstIndex * batch.sampleSize()), batch.nhwc().length);
  }

  @Override
  public Path finish() {
    Uint8Images all = new Uint8Images(n, first.height(), first.width(), first.channels(), pixels);
    ImageGrid.write(all, GridLayout.square(n), file);
    return file;
  }
}
