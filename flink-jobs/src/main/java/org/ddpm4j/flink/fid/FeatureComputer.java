package org.ddpm4j.flink.fid;

import ai.djl.pytorch.jni.JniUtils;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.ddpm4j.eval.FeatureExtractor;
import org.ddpm4j.eval.FeatureMatrix;
import org.ddpm4j.eval.ImageBatch;
import org.ddpm4j.flink.ProgressReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feature operator: loads one feature network per subtask in {@link #open} (gradient recording off), reads a
 * chunk's images, adapts them to the network and returns their features (and, for the samples, their class
 * probabilities when the Inception Score is wanted), and closes the network in {@link #close}. Every failure names
 * the input and the image range.
 */
final class FeatureComputer extends RichMapFunction<Long, FeatureChunk> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(FeatureComputer.class);
  /** The least time between two progress lines of a subtask. */
  static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  private final List<Chunk> chunks;
  private final ImageInput[] inputs;
  private final ExtractorFactory factory;
  private final ExtractorInfo info;
  private final boolean probabilities;

  private transient FeatureExtractor extractor;
  private transient ProgressReporter progress;
  private transient String label;

  /**
   * @param chunks the chunk of each source position
   * @param inputs the images of each side ({@link Chunk#SAMPLES}, {@link Chunk#REFERENCE}); null for a side given as
   *     statistics
   * @param factory makes the network
   * @param info the network's description, to adapt the images
   * @param probabilities whether to compute the samples' class probabilities
   */
  FeatureComputer(List<Chunk> chunks, ImageInput[] inputs, ExtractorFactory factory, ExtractorInfo info,
      boolean probabilities) {
    this.chunks = List.copyOf(chunks);
    this.inputs = inputs.clone();
    this.factory = factory;
    this.info = info;
    this.probabilities = probabilities;
  }

  @Override
  public void open(OpenContext openContext) {
    TaskInfo task = getRuntimeContext().getTaskInfo();
    label = "fid subtask " + (task.getIndexOfThisSubtask() + 1) + "/" + task.getNumberOfParallelSubtasks();
    JniUtils.setGradMode(false);
    extractor = factory.open();
    progress = new ProgressReporter(getRuntimeContext().getMetricGroup(), label, PROGRESS_EVERY, System::nanoTime);
    LOG.info("{}: {} loaded", label, extractor.id());
  }

  @Override
  public FeatureChunk map(Long position) {
    Chunk chunk = chunks.get(Math.toIntExact(position));
    ImageInput input = inputs[chunk.side()];
    String where = Chunk.name(chunk.side()) + " (" + input.describe() + "), images " + chunk.from() + ".."
        + (chunk.to() - 1);
    ImageBatch images = info.adapt(input.read(chunk.from(), chunk.to()), where);
    try {
      FeatureMatrix f = extractor.features(images);
      f.requireFinite(extractor.id() + " features");
      FeatureChunk result;
      if (probabilities && chunk.side() == Chunk.SAMPLES) {
        FeatureMatrix p = extractor.probabilities(images);
        result = new FeatureChunk(chunk.side(), chunk.from(), f.rows(), f.dim(), f.values(), p.dim(), p.values());
      } else {
        result = new FeatureChunk(chunk.side(), chunk.from(), f.rows(), f.dim(), f.values(), 0, new float[0]);
      }
      progress.add(f.rows());
      return result;
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new IllegalStateException(where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (extractor != null) {
      extractor.close();
    }
    if (progress != null) {
      LOG.info("{}: finished, {}", label, progress.summary());
    }
  }
}
