package org.ddpm4j.flink.fid;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.ddpm4j.eval.ImageBatch;
import org.ddpm4j.eval.MeanCovariance;
import org.ddpm4j.flink.BatchJobEnvironment;
import org.ddpm4j.flink.JobFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scoring job: checks both inputs and the feature network on the client, computes the features of every side
 * given as images in parallel Flink subtasks (partial statistics per subtask, merged into one per side), then FID
 * (FID-FMNIST for the Fashion-MNIST classifier), KID where both sides are images and IS where the samples are images
 * and the network gives class probabilities, and writes {@code report.json} atomically.
 */
public final class FidJob {
  private static final Logger LOG = LoggerFactory.getLogger(FidJob.class);

  private FidJob() {}

  /**
   * Runs the job to completion.
   *
   * @throws IllegalArgumentException for bad settings or inputs, naming the input (before the job)
   * @throws org.ddpm4j.io.CheckpointException naming the file for an unreadable input or network file
   * @throws JobFailedException when the job fails (no report is written)
   */
  public static FidResult run(FidJobSettings settings, ExtractorFactory factory) {
    Scored scored = score(settings, factory);
    FidReport.write(settings.report(), scored.report());
    return scored.result();
  }

  /**
   * The metrics and the report's JSON of a run, for callers that write their own report around it.
   *
   * @param result the metrics
   * @param report what {@link #run} writes to {@code report.json}
   */
  public record Scored(FidResult result, JsonObject report) {}

  /**
   * Runs the job to completion like {@link #run}, but returns the report instead of writing {@code report.json}
   * ({@code sample_stats.npz} is still written when asked for).
   *
   * @throws IllegalArgumentException for bad settings or inputs, naming the input (before the job)
   * @throws org.ddpm4j.io.CheckpointException naming the file for an unreadable input or network file
   * @throws JobFailedException when the job fails
   */
  public static Scored score(FidJobSettings settings, ExtractorFactory factory) {
    long start = System.nanoTime();
    ExtractorInfo info = factory.inspect();
    SideInput samples = SideInput.parse("--samples", settings.samples());
    SideInput reference = SideInput.parse("--reference", settings.reference());
    SideInput[] sides = {samples, reference};
    int[] counts = new int[2];
    List<Chunk> chunks = new ArrayList<>();
    for (int side = 0; side < 2; side++) {
      counts[side] = check(Chunk.name(side), sides[side], info, settings.limit());
      if (sides[side].hasImages()) {
        chunks.addAll(Chunk.split(side, counts[side], settings.batchSize()));
      }
    }
    boolean kid = samples.hasImages() && reference.hasImages();
    boolean is = samples.hasImages() && info.hasProbabilities();
    Features features = new Features(counts);
    if (!chunks.isEmpty()) {
      LOG.info("fid: {} images in {} chunks of up to {} on {} subtasks, {}", counts[0] + counts[1], chunks.size(),
          settings.batchSize(), settings.parallelism(), info.id());
      ImageInput[] inputs = {samples.images(), reference.images()};
      execute(settings, chunks, new FeatureComputer(chunks, inputs, factory, info, is), kid || is, kid, features);
    }
    MeanCovariance[] stats = new MeanCovariance[2];
    for (int side = 0; side < 2; side++) {
      stats[side] = sides[side].hasImages() ? features.statistics(side).toMeanCovariance() : sides[side].stats();
    }
    if (settings.saveStats() && samples.hasImages()) {
      stats[Chunk.SAMPLES].write(settings.sampleStats());
    }
    FidResult result = FidMetrics.compute(settings, info, stats, kid ? features : null, is ? features : null,
        counts, (System.nanoTime() - start) / 1e9);
    LOG.info("fid: {}", result.summary());
    return new Scored(result, FidReport.of(settings, info, sides, result));
  }

  /**
   * Checks the reference before anything else runs (e.g. before the samples are generated): that it can be read,
   * holds at least 2 images the network can take, or statistics of the network's feature dimension.
   *
   * @throws IllegalArgumentException naming {@code --reference} and the input when it is unusable
   * @throws org.ddpm4j.io.CheckpointException naming the file for an unreadable statistics file
   */
  public static void checkReference(FidJobSettings settings, ExtractorInfo info) {
    check(Chunk.name(Chunk.REFERENCE), SideInput.parse("--reference", settings.reference()), info, settings.limit());
  }

  /**
   * Checks one side before the job and returns the number of images used (0 for statistics).
   *
   * @throws IllegalArgumentException naming the side and its input for fewer than 2 images, images the network
   *     cannot take, or statistics of another dimension than the network's features
   */
  private static int check(String name, SideInput input, ExtractorInfo info, int limit) {
    if (!input.hasImages()) {
      if (input.stats().dim() != info.featureDim()) {
        throw new IllegalArgumentException(name + " (" + input.describe() + "): statistics of dimension "
            + input.stats().dim() + ", but the " + info.kind() + " extractor gives " + info.featureDim()
            + "-d features");
      }
      return 0;
    }
    ImageInput images = input.images();
    int count = limit > 0 ? Math.min(limit, images.count()) : images.count();
    if (count < 2) {
      throw new IllegalArgumentException(name + " (" + images.describe() + "): " + count + " image(s); FID needs "
          + "at least 2");
    }
    ImageBatch first = images.read(0, 1);
    info.adapt(first, name + " (" + images.describe() + ")");
    return count;
  }

  private static void execute(FidJobSettings settings, List<Chunk> chunks, FeatureComputer computer,
      boolean collect, boolean keepFeatures, Features into) {
    String name = "ddpm4j fid " + settings.samples() + " vs " + settings.reference();
    StreamExecutionEnvironment env = BatchJobEnvironment.create(settings.parallelism(), settings.maxRestarts());
    DataStream<FeatureChunk> features = env.fromSequence(0, chunks.size() - 1).name("chunks")
        .map(computer).name("features");
    DataStream<SideStatistics> merged = features.fullWindowPartition().mapPartition(new PartialStatistics())
        .name("partial statistics")
        .keyBy(SideStatistics::side, Types.INT).reduce(SideStatistics::merge).name("merge statistics");
    DataStream<JobOutput> output = merged.map(JobOutput::of).returns(JobOutput.class).name("statistics to client");
    if (collect) {
      output = output.union(features.filter(c -> keepFeatures || c.side() == Chunk.SAMPLES)
          .map(c -> JobOutput.of(keepFeatures ? c : c.withoutFeatures())).returns(JobOutput.class)
          .name("features to client"));
    }
    try {
      CloseableIterator<JobOutput> results = output.collectAsync();
      JobClient job = env.executeAsync(name);
      try (results) {
        results.forEachRemaining(into::add);
      } catch (RuntimeException e) {
        // the collect iterator wraps a failed job in "Failed to fetch next result": report the job's own failure
        job.getJobExecutionResult().get();
        throw e;
      }
      job.getJobExecutionResult().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw JobFailedException.of(name, e);
    } catch (Exception e) {
      throw JobFailedException.of(name, e);
    }
  }
}
