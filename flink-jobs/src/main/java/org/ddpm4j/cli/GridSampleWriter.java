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
  private final CollectedImages images;

  GridSampleWriter(Path dir, int n) {
    this.file = dir.resolve(FILE_NAME);
    this.images = new CollectedImages(n);
  }

  @Override
  public void write(long firstIndex, Uint8Images batch) {
    images.add(firstIndex, batch);
  }

  @Override
  public Path finish() {
    Uint8Images all = images.all();
    ImageGrid.write(all, GridLayout.square(all.n()), file);
    return file;
  }
}
