package org.ddpm4j.gateway.health;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the default model is loaded; until then, or if loading failed, says why. */
@Readiness
@Singleton
public final class DefaultModelReadiness implements HealthCheck {
  private final DefaultModelWarmup warmup;

  /** The check over the warm-up. */
  @Inject
  public DefaultModelReadiness(DefaultModelWarmup warmup) {
    this.warmup = warmup;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder b = HealthCheckResponse.named("default-model").withData("model", warmup.defaultModel());
    if (warmup.ready()) {
      return b.up().build();
    }
    String failure = warmup.failure();
    return b.down().withData("state", failure == null ? "loading" : "failed: " + failure).build();
  }
}
