package org.ddpm4j.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code ddpm4j.gateway.*} property (environment variables: upper case, {@code _} for {@code .} and {@code -},
 * e.g. {@code DDPM4J_GATEWAY_BATCHING_MAX_BATCH_SIZE}). See docs/gateway.md for the table.
 */
@ConfigMapping(prefix = "ddpm4j.gateway")
public interface GatewayConfig {
  /** Where the models are. */
  Models models();

  /** The dynamic batching scheduler. */
  Batching batching();

  /** Per-request limits. */
  Limits limits();

  /** The server-sent-event stream. */
  Stream stream();

  /** API-key authentication. */
  Auth auth();

  /** Where the models are. */
  interface Models {
    /** The folder whose direct subfolders are the models (diffusers layout); ids are the subfolder names. */
    @WithDefault("models")
    String dir();

    /** The model used when a request names none; loaded at start-up, and readiness waits for it. */
    @WithDefault("fashion-mnist")
    String defaultModel();
  }

  /** The dynamic batching scheduler. */
  interface Batching {
    /** Off: one request at a time per model (each forward holds one request's rows). */
    @WithDefault("true")
    boolean enabled();

    /** The most image rows one U-Net forward holds (a single larger request still runs, alone). */
    @WithDefault("32")
    int maxBatchSize();

    /** How long an idle model waits for company after the first request arrives. */
    @WithDefault("10ms")
    Duration maxWait();

    /** How many requests may wait to start; beyond that the answer is 503 with Retry-After. */
    @WithDefault("64")
    int queueCapacity();

    /** The Retry-After a 503 suggests, in seconds. */
    @WithDefault("2")
    int retryAfterSeconds();

    /** The longest a request may take from arrival to its last step; then it is stopped and answered 504. */
    @WithDefault("120s")
    Duration deadline();
  }

  /** Per-request limits. */
  interface Limits {
    /** The most images one request may ask for (at most 64). */
    @WithDefault("64")
    int maxN();

    /** The most sampling steps one request may ask for (at most 1000). */
    @WithDefault("1000")
    int maxSteps();

    /** The cap on n x steps for one request. */
    @WithDefault("16000")
    int maxWork();
  }

  /** The server-sent-event stream. */
  interface Stream {
    /** Send a preview of the predicted x0 every this many steps when the request does not say (0: never). */
    @WithDefault("10")
    int previewEvery();

    /** The longest side of a preview image, in pixels (previews are shrunk by whole factors to fit). */
    @WithDefault("64")
    int previewSize();
  }

  /** API-key authentication on /v1/*. */
  interface Auth {
    /** On: every /v1 request must carry one of the keys in the header. */
    @WithDefault("false")
    boolean enabled();

    /** The accepted keys (comma-separated). */
    Optional<List<String>> apiKeys();

    /** The header that carries the key. */
    @WithDefault("X-API-Key")
    String header();
  }
}
