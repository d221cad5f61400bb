package org.ddpm4j.flink.sample;

import java.time.Duration;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.ddpm4j.flink.GpuLeases;
import org.ddpm4j.flink.ProgressReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sampling operator: opens one {@link BatchGenerator} per subtask (on the GPU Flink assigned, else the CPU),
 * turns each batch position into its batch's images with one batched call, and closes the generator at the end.
 * A batch whose files are all on disk already (written by an earlier attempt of this job) is skipped.
 */
final class BatchSampler extends RichFlatMapFunction<Long, SampleBatch> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(BatchSampler.class);
  /** The least time between two progress lines of a subtask. */
  static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  private final int[] batches;
  private final OutputLayout layout;
  private final BatchGeneratorFactory factory;

  private transient GpuLeases.Lease gpu;
  private transient BatchGenerator generator;
  private transient ProgressReporter progress;
  private transient String label;

  /**
   * @param batches the batch number of each source position
   * @param layout the output files, to skip complete batches
   * @param factory makes the generator
   */
  BatchSampler(int[] batches, OutputLayout layout, BatchGeneratorFactory factory) {
    this.batches = batches.clone();
    this.layout = layout;
    this.factory = factory;
  }

  @Override
  public void open(OpenContext openContext) {
    TaskInfo task = getRuntimeContext().getTaskInfo();
    label = "bulk-sample subtask " + (task.getIndexOfThisSubtask() + 1) + "/" + task.getNumberOfParallelSubtasks();
    gpu = GpuLeases.acquire(getRuntimeContext().getExternalResourceInfos(GpuLeases.RESOURCE_NAME));
    progress = new ProgressReporter(getRuntimeContext().getMetricGroup(), label, PROGRESS_EVERY, System::nanoTime);
    generator = factory.open(new GeneratorContext(
        task.getIndexOfThisSubtask(), task.getNumberOfParallelSubtasks(), task.getAttemptNumber(), gpu.index()));
    LOG.info("{}: attempt {}, running on {}", label, task.getAttemptNumber(),
        gpu.index().isPresent() ? "GPU " + gpu.index().getAsInt() : "the CPU");
  }

  @Override
  public void flatMap(Long position, Collector<SampleBatch> out) {
    int batch = batches[Math.toIntExact(position)];
    if (layout.isComplete(batch)) {
      return;
    }
    long[] indices = layout.plan().indices(batch);
    out.collect(generator.generate(indices));
    progress.add(indices.length);
  }

  @Override
  public void close() {
    try {
      if (generator != null) {
        generator.close();
      }
    } finally {
      if (gpu != null) {
        gpu.close();
      }
    }
    if (progress != null) {
      LOG.info("{}: finished, {}", label, progress.summary());
    }
  }
}
