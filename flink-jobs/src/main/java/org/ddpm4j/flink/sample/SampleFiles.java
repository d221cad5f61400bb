package org.ddpm4j.flink.sample;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.ddpm4j.io.AtomicFiles;

/** Encodes a batch into the files its layout asks for and writes them atomically. */
final class SampleFiles {
  private final OutputLayout layout;

  SampleFiles(OutputLayout layout) {
    this.layout = layout;
  }

  /** Writes the batch's PNG files and/or its npz shard. */
  void write(SampleBatch batch) {
    if (layout.format().writesPng()) {
      for (int i = 0; i < batch.size(); i++) {
        BufferedImage image = image(batch, i);
        AtomicFiles.write(layout.png(batch.indices()[i]), out -> {
          if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
          }
        });
      }
    }
  }

  private static BufferedImage image(SampleBatch batch, int i) {
    int c = batch.channels();
    BufferedImage image = new BufferedImage(batch.width(), batch.height(),
        c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    byte[] dst = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    int off = i * batch.imageBytes();
    if (c == 1) {
      System.arraycopy(batch.pixels(), off, dst, 0, dst.length);
    } else {
      for (int p = 0; p < dst.length; p += 3) {
        dst[p] = batch.pixels()[off + p + 2];
        dst[p + 1] = batch.pixels()[off + p + 1];
        dst[p + 2] = batch.pixels()[off + p];
      }
    }
    return image;
  }
}
