package org.ddpm4j.flink.sample;

import com.google.gson.JsonObject;
import java.time.Instant;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.ddpm4j.flink.BatchJobEnvironment;
import org.ddpm4j.flink.JobFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a bulk-sampling job: checks the inputs and the output folder on the client, runs the Flink batch job
 * (embedded MiniCluster from a plain JVM, the cluster when submitted), checks that every sample is on disk, and only
 * then writes manifest.json.
 */
public final class SampleJob {
  private static final Logger LOG = LoggerFactory.getLogger(SampleJob.class);

  private SampleJob() {}

  /**
   * Runs the job to completion.
   *
   * @throws IllegalArgumentException for bad settings or an unusable output folder (before the job)
   * @throws JobFailedException when the job fails (no manifest is written)
   */
  public static SampleJobResult run(SampleJobSettings settings, BatchGeneratorFactory factory) {
    long start = System.nanoTime();
    GeneratorInfo info = factory.inspect();
    OutputLayout layout = settings.layout();
    JsonObject job = JobRecord.of(settings, info);
    OutputFolder.Pending pending = OutputFolder.prepare(layout, job, settings.resume());
    int[] batches = pending.pendingBatches();
    long todo = settings.count() - pending.skippedSamples();
    DiskSpace.require(layout.dir(), info.shape(), settings.format(), todo, batches.length);
    if (settings.resume()) {
      LOG.info("--resume: {} of {} samples are on disk already ({} complete batches) and are skipped",
          pending.skippedSamples(), settings.count(), pending.skippedBatches());
    }
    LOG.info("bulk-sample: {} samples in {} batches of up to {} on {} subtasks -> {}", todo, batches.length,
        settings.batchSize(), settings.parallelism(), layout.dir());
    if (batches.length > 0) {
      execute(settings, layout, batches, factory);
    }
    OutputFolder.Pending after = OutputFolder.pending(layout);
    if (after.pendingBatches().length > 0) {
      throw new IllegalStateException("the job finished, but " + after.pendingBatches().length + " batches are "
          + "incomplete (first: batch " + after.pendingBatches()[0] + "); no manifest was written");
    }
    SampleJobResult result = new SampleJobResult(
        settings.count(), todo, pending.skippedSamples(), settings.parallelism(), (System.nanoTime() - start) / 1e9);
    Manifest.write(layout, Manifest.of(job, info, result, Instant.now()));
    LOG.info("bulk-sample: {}", result.summary());
    return result;
  }

  private static void execute(
      SampleJobSettings settings, OutputLayout layout, int[] batches, BatchGeneratorFactory factory) {
    String name = "ddpm4j bulk-sample n=" + settings.count() + " -> " + layout.dir();
    StreamExecutionEnvironment env = BatchJobEnvironment.create(settings.parallelism(), settings.maxRestarts());
    env.fromSequence(0, batches.length - 1)
        .name("batches")
        .flatMap(new BatchSampler(batches, layout, factory))
        .name("sample")
        .sinkTo(new SampleFilesSink(layout))
        .name("write samples");
    try {
      // executeAsync + wait: also waits where execute() would return at submission (detached flink run)
      env.executeAsync(name).getJobExecutionResult().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw JobFailedException.of(name, e);
    } catch (Exception e) {
      throw JobFailedException.of(name, e);
    }
  }
}
