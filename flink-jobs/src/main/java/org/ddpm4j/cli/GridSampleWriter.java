package org.ddpm4j.cli;

import java.nio.file.Path;
import org.ddpm4j.image.GridLayout;
import org.ddpm4j.image.ImageGrid;
import org.ddpm4j.image.Uint8Images;

/** All samples in one PNG grid ({@link GridLayout#square}: ceil(sqrt(n)) per row), written at the end. */
final class GridSampleWriter extends CollectingSampleWriter {
  /** The grid's file name in the output folder. */
  static final String FILE_NAME = "grid.png";

  GridSampleWriter(Path dir, int n) {
    super(dir.resolve(FILE_NAME), n);
  }

  @Override
  void writeAll(Uint8Images all, Path file) {
    ImageGrid.write(all, GridLayout.square(all.n()), file);
  }
}
