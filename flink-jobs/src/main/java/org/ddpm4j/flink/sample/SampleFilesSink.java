package org.ddpm4j.flink.sample;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes each batch's files by sample index: a PNG per sample and/or the batch's npz shard, each to a temporary
 * name and then renamed, so no half-written file is ever visible and a batch written twice (after a restart) leaves
 * the same bytes. No committer is needed: a file is either absent or complete.
 */
final class SampleFilesSink implements Sink<SampleBatch> {
  private static final long serialVersionUID = 1L;

  private final OutputLayout layout;

  /** A sink into the given layout. */
  SampleFilesSink(OutputLayout layout) {
    this.layout = layout;
  }

  @Override
  public SinkWriter<SampleBatch> createWriter(WriterInitContext context) {
    return new Writer(new SampleFiles(layout));
  }

  /** Writes each batch as it arrives; nothing is buffered. */
  private static final class Writer implements SinkWriter<SampleBatch> {
    private final SampleFiles files;

    Writer(SampleFiles files) {
      this.files = files;
    }

    @Override
    public void write(SampleBatch batch, Context context) {
      files.write(batch);
    }

    @Override
    public void flush(boolean endOfInput) {
      // every write is complete (renamed into place) when write returns
    }

    @Override
    public void close() {
      // nothing held open between batches
    }
  }
}
