package org.ddpm4j.gateway.health;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.ddpm4j.gateway.batching.BatchScheduler;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the process answers; reports the queue depth and running rows for a glance. */
@Liveness
@Singleton
public final class SchedulerLiveness implements HealthCheck {
  private final BatchScheduler scheduler;

  /** The check over the scheduler. */
  @Inject
  public SchedulerLiveness(BatchScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("batching").up().withData("waiting", scheduler.waiting())
        .withData("runningRows", scheduler.runningRows()).build();
  }
}
