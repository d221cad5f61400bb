package org.ddpm4j.flink.sample;

import org.ddpm4j.image.PngWriter;
import org.ddpm4j.io.AtomicFiles;

/** Writes a batch into the files its layout asks for, each atomically (temporary name, then rename). */
final class SampleFiles {
  private final OutputLayout layout;

  SampleFiles(OutputLayout layout) {
    this.layout = layout;
  }

  /**
   * Writes the batch's PNG files and/or its npz shard.
   *
   * @throws org.ddpm4j.io.CheckpointException naming the file that cannot be written
   */
  void write(SampleBatch batch) {
    if (layout.format().writesPng()) {
      for (int i = 0; i < batch.size(); i++) {
        PngWriter.write(batch.images(), i, layout.png(batch.indices()[i]));
      }
    }
    if (layout.format().writesNpz()) {
      int k = layout.plan().batchOf(batch.indices()[0]);
      if (batch.size() != layout.plan().size(k) || batch.indices()[0] != layout.plan().first(k)) {
        throw new IllegalStateException("an npz shard holds one whole batch; got " + batch + " for batch " + k);
      }
      AtomicFiles.write(layout.shard(k), out -> NpzShard.write(out, batch.images(), batch.indices()));
    }
  }
}
