package org.ddpm4j.flink.evaluate;

import org.ddpm4j.flink.sample.OutputLayout;
import org.ddpm4j.image.GridLayout;
import org.ddpm4j.image.ImageGrid;
import org.ddpm4j.image.PngReader;
import org.ddpm4j.image.PngWriter;
import org.ddpm4j.image.Uint8Images;

/** The first samples of a sample job's output folder tiled into one PNG ({@link GridLayout#square}). */
final class SampleGrid {
  /** The most samples in the grid. */
  static final int MAX_SAMPLES = 64;

  private SampleGrid() {}

  /**
   * The PNG bytes of the grid of samples {@code 0 .. min(n, 64) - 1}.
   *
   * @throws org.ddpm4j.image.ImageFileException naming the file when a sample is unreadable or of another size
   */
  static byte[] png(OutputLayout layout) {
    int n = Math.min(layout.plan().count(), MAX_SAMPLES);
    Uint8Images first = PngReader.read(layout.png(0));
    byte[] pixels = new byte[Math.multiplyExact(n, first.sampleSize())];
    System.arraycopy(first.nhwc(), 0, pixels, 0, first.sampleSize());
    for (int i = 1; i < n; i++) {
      Uint8Images img = PngReader.read(layout.png(i), first.height(), first.width(), first.channels());
      System.arraycopy(img.nhwc(), 0, pixels, i * first.sampleSize(), first.sampleSize());
    }
    Uint8Images samples = new Uint8Images(n, first.height(), first.width(), first.channels(), pixels);
    return PngWriter.encode(ImageGrid.compose(samples, GridLayout.square(n)), 0);
  }
}
