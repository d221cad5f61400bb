package org.ddpm4j.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.ddpm4j.gateway.batching.BatchObserver;
import org.ddpm4j.gateway.batching.BatchScheduler;

/**
 * The gateway's meters. Names as Prometheus shows them: {@code ddpm4j_gateway_request_seconds} (histogram, tags
 * {@code endpoint}, {@code outcome}), {@code ddpm4j_gateway_queue_depth}, {@code ddpm4j_gateway_running_rows},
 * {@code ddpm4j_gateway_batch_rows} and {@code ddpm4j_gateway_batch_requests} (per forward),
 * {@code ddpm4j_gateway_images_total} (images/s = its rate) and {@code ddpm4j_gateway_rejected_total}.
 */
public final class GatewayMetrics implements BatchObserver {
  private final MeterRegistry registry;
  private final DistributionSummary batchRows;
  private final DistributionSummary batchRequests;
  private final Counter images;
  private final Counter rejected;

  /** Registers the meters that need no scheduler. */
  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.batchRows = DistributionSummary.builder("ddpm4j.gateway.batch.rows")
        .description("image rows in one U-Net forward").publishPercentileHistogram().register(registry);
    this.batchRequests = DistributionSummary.builder("ddpm4j.gateway.batch.requests")
        .description("requests sharing one U-Net forward").publishPercentileHistogram().register(registry);
    this.images = Counter.builder("ddpm4j.gateway.images").description("images made").register(registry);
    this.rejected = Counter.builder("ddpm4j.gateway.rejected")
        .description("requests refused with 503 because the queue was full").register(registry);
  }

  /** Adds the gauges read from the scheduler. */
  public void watch(BatchScheduler scheduler) {
    Gauge.builder("ddpm4j.gateway.queue.depth", scheduler, BatchScheduler::waiting)
        .description("requests waiting to start").register(registry);
    Gauge.builder("ddpm4j.gateway.running.rows", scheduler, BatchScheduler::runningRows)
        .description("image rows being sampled now").register(registry);
  }

  @Override
  public void forward(int jobs, int rows) {
    batchRows.record(rows);
    batchRequests.record(jobs);
  }

  /** Records a finished request. */
  public void request(String endpoint, String outcome, Duration took) {
    Timer.builder("ddpm4j.gateway.request").description("time from arrival to the full answer")
        .tags("endpoint", endpoint, "outcome", outcome).publishPercentileHistogram()
        .register(registry).record(took);
  }

  /** Counts images made. */
  public void imagesMade(int n) {
    images.increment(n);
  }

  /** Counts a request refused for a full queue. */
  public void rejected() {
    rejected.increment();
  }
}
