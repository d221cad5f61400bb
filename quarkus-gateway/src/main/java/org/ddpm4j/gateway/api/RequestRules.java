package org.ddpm4j.gateway.api;

/**
 * The limits and defaults requests are checked against.
 *
 * @param defaultModel the model of a request that names none
 * @param maxN the most images per request (1..64)
 * @param maxSteps the most steps per request (1..1000)
 * @param maxWork the cap on n x steps
 * @param defaultPreviewEvery the preview interval of a stream request that gives none
 */
public record RequestRules(String defaultModel, int maxN, int maxSteps, int maxWork, int defaultPreviewEvery) {
  /** The most images any configuration allows per request. */
  public static final int N_CEILING = 64;
  /** The most steps any configuration allows per request. */
  public static final int STEPS_CEILING = 1000;
  /** Steps of a request that gives none. */
  public static final int DEFAULT_STEPS = 50;

  /** Checks the configured limits. */
  public RequestRules {
    if (maxN < 1 || maxN > N_CEILING) {
      throw new IllegalArgumentException("ddpm4j.gateway.limits.max-n must be in 1.." + N_CEILING + ", got " + maxN);
    }
    if (maxSteps < 1 || maxSteps > STEPS_CEILING) {
      throw new IllegalArgumentException(
          "ddpm4j.gateway.limits.max-steps must be in 1.." + STEPS_CEILING + ", got " + maxSteps);
    }
    if (maxWork < 1) {
      throw new IllegalArgumentException("ddpm4j.gateway.limits.max-work must be >= 1, got " + maxWork);
    }
    if (defaultPreviewEvery < 0) {
      throw new IllegalArgumentException(
          "ddpm4j.gateway.stream.preview-every must be >= 0, got " + defaultPreviewEvery);
    }
  }
}
