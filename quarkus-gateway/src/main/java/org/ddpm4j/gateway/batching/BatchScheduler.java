package org.ddpm4j.gateway.batching;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.ddpm4j.sampler.EpsModel;

/**
 * Takes jobs for any model, keeps at most {@code queueCapacity} of them waiting, and runs them on one
 * {@link ModelLane} per model so that jobs of the same model share forwards.
 */
public final class BatchScheduler implements AutoCloseable {
  private final BatchingSettings settings;
  private final BatchObserver observer;
  private final Runnable threadSetup;
  private final ExecutorService jobThreads;
  private final Map<String, ModelLane> lanes = new ConcurrentHashMap<>();
  private final AtomicInteger waiting = new AtomicInteger();

  /**
   * @param threadSetup run first on every thread that touches the model (e.g. to switch gradients off)
   */
  public BatchScheduler(BatchingSettings settings, BatchObserver observer, Runnable threadSetup) {
    this.settings = settings;
    this.observer = observer;
    this.threadSetup = threadSetup;
    AtomicInteger count = new AtomicInteger();
    ThreadFactory daemons = r -> {
      Thread t = new Thread(r, "ddpm4j-job-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.jobThreads = Executors.newCachedThreadPool(daemons);
  }

  /** The settings in force. */
  public BatchingSettings settings() {
    return settings;
  }

  /**
   * Queues a job for a model.
   *
   * @param modelKey identifies the model: jobs with the same key share forwards (and must pass the same model)
   * @param model the model the job's calls go to
   * @param rows the rows the job puts in each call
   * @throws QueueFullException when {@code queueCapacity} jobs are already waiting
   */
  public <T> BatchJob<T> submit(String modelKey, EpsModel model, int rows, JobBody<T> body) {
    BatchJob<T> job = new BatchJob<>(rows, settings.deadline(), body);
    if (waiting.incrementAndGet() > settings.queueCapacity()) {
      waiting.decrementAndGet();
      throw new QueueFullException(settings.queueCapacity());
    }
    lanes.computeIfAbsent(modelKey,
        k -> new ModelLane(k, model, settings, observer, jobThreads, threadSetup, waiting::decrementAndGet))
        .enqueue(job);
    return job;
  }

  /** Jobs waiting to start, over all models. */
  public int waiting() {
    return waiting.get();
  }

  /** Rows of the jobs running now, over all models. */
  public int runningRows() {
    return lanes.values().stream().mapToInt(ModelLane::runningRows).sum();
  }

  /** Stops every lane and the job threads; calling it again does nothing more. */
  @Override
  public void close() {
    lanes.values().forEach(ModelLane::close);
    jobThreads.shutdownNow();
  }
}
