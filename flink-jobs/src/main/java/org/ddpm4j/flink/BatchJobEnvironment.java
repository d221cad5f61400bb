package org.ddpm4j.flink;

import java.time.Duration;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The execution environment of a bounded ddpm4j job: BATCH runtime mode, a fixed-delay restart strategy and object
 * reuse (records are never modified after they are emitted).
 *
 * <p>Started from a plain JVM (the {@code ddpm4j} command line) this is an embedded MiniCluster with one task slot
 * per subtask; submitted with {@code flink run} or in application mode it is the cluster's environment, where the
 * slot setting is ignored.
 */
public final class BatchJobEnvironment {
  /** The pause before a failed region is restarted. */
  static final Duration RESTART_DELAY = Duration.ofMillis(200);

  private BatchJobEnvironment() {}

  /**
   * Creates the environment.
   *
   * @param parallelism the number of subtasks (and, embedded, of task slots)
   * @param maxRestarts how many times failed tasks are restarted before the job fails; 0 disables restarts
   */
  public static StreamExecutionEnvironment create(int parallelism, int maxRestarts) {
    return StreamExecutionEnvironment.getExecutionEnvironment(configuration(parallelism, maxRestarts));
  }

  /** The configuration {@link #create} applies. */
  static Configuration configuration(int parallelism, int maxRestarts) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
    if (maxRestarts < 0) {
      throw new IllegalArgumentException("max restarts must be >= 0, got " + maxRestarts);
    }
    Configuration conf = new Configuration();
    conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
    conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    if (maxRestarts == 0) {
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    } else {
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, maxRestarts);
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, RESTART_DELAY);
    }
    return conf;
  }
}
