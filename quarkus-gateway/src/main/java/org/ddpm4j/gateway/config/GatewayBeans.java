package org.ddpm4j.gateway.config;

import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import org.ddpm4j.gateway.api.RequestRules;
import org.ddpm4j.gateway.api.RequestValidator;
import org.ddpm4j.gateway.api.StreamSettings;
import org.ddpm4j.gateway.batching.BatchScheduler;
import org.ddpm4j.gateway.batching.BatchingSettings;
import org.ddpm4j.gateway.generation.ImageGenerator;
import org.ddpm4j.gateway.metrics.GatewayMetrics;
import org.ddpm4j.gateway.model.ModelCatalog;
import org.ddpm4j.gateway.model.ModelRegistry;
import org.ddpm4j.gateway.security.ApiKeySettings;

/** Builds each component's settings record from {@link GatewayConfig}, and the components from their settings. */
@Singleton
public final class GatewayBeans {
  /** The request limits and defaults. */
  @Produces
  @Singleton
  RequestRules requestRules(GatewayConfig config) {
    return new RequestRules(config.models().defaultModel(), config.limits().maxN(), config.limits().maxSteps(),
        config.limits().maxWork(), config.stream().previewEvery());
  }

  /** The stream settings. */
  @Produces
  @Singleton
  StreamSettings streamSettings(GatewayConfig config) {
    return new StreamSettings(config.stream().previewSize());
  }

  /** The batching settings. */
  @Produces
  @Singleton
  BatchingSettings batchingSettings(GatewayConfig config) {
    GatewayConfig.Batching b = config.batching();
    return new BatchingSettings(b.enabled(), b.maxBatchSize(), b.maxWait(), b.queueCapacity(), b.retryAfterSeconds(),
        b.deadline());
  }

  /** The API-key settings. */
  @Produces
  @Singleton
  ApiKeySettings apiKeySettings(GatewayConfig config) {
    return new ApiKeySettings(config.auth().enabled(), config.auth().header(), config.auth().apiKeys().orElse(List.of()));
  }

  @Produces
  @Singleton
  RequestValidator validator(RequestRules rules) {
    return new RequestValidator(rules);
  }

  @Produces
  @Singleton
  ModelCatalog catalog(GatewayConfig config, ObjectMapper json) {
    return new ModelCatalog(Path.of(config.models().dir()), json);
  }

  @Produces
  @Singleton
  ModelRegistry registry(ModelCatalog catalog) {
    return new ModelRegistry(catalog);
  }

  /** Frees the models, after stopping the scheduler that may still be running forwards on them. */
  void closeRegistry(@Disposes ModelRegistry registry, BatchScheduler scheduler) {
    scheduler.close();
    registry.close();
  }

  @Produces
  @Singleton
  GatewayMetrics metrics(MeterRegistry registry) {
    return new GatewayMetrics(registry);
  }

  /** The scheduler; its threads switch gradient recording off before they touch the model. */
  @Produces
  @Singleton
  BatchScheduler scheduler(BatchingSettings settings, GatewayMetrics metrics) {
    BatchScheduler scheduler = new BatchScheduler(settings, metrics, () -> JniUtils.setGradMode(false));
    metrics.watch(scheduler);
    return scheduler;
  }

  void closeScheduler(@Disposes BatchScheduler scheduler) {
    scheduler.close();
  }

  @Produces
  @Singleton
  ImageGenerator generator(ModelRegistry registry, BatchScheduler scheduler) {
    return new ImageGenerator(registry, scheduler);
  }
}
