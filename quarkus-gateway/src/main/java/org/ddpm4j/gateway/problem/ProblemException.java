package org.ddpm4j.gateway.problem;

import java.util.Map;

/**
 * A failure that the client should see as a problem detail; thrown anywhere below the resources and mapped to a
 * response by {@link ProblemMappers}.
 */
public final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;
  private final Map<String, String> headers;

  /** A problem with extra response headers (e.g. {@code Retry-After}). */
  public ProblemException(Problem problem, Map<String, String> headers) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  /** The problem body. */
  public Problem problem() {
    return problem;
  }

  /** Extra response headers. */
  public Map<String, String> headers() {
    return headers;
  }

  /** 400: a request field broke a rule. */
  public static ProblemException invalidField(String field, String rule, String detail) {
    return new ProblemException(
        new Problem("urn:ddpm4j:problem:invalid-field", "Invalid request field", 400, detail, field, rule), Map.of());
  }

  /** 400: the body is not the JSON the endpoint reads. */
  public static ProblemException malformedBody(String field, String detail) {
    return new ProblemException(new Problem("urn:ddpm4j:problem:malformed-body", "Malformed request body", 400,
        detail, field, "body must be a JSON object matching the ImageRequest schema"), Map.of());
  }

  /** 404: the named model is not in the model directory. */
  public static ProblemException unknownModel(String id) {
    return new ProblemException(new Problem("urn:ddpm4j:problem:unknown-model", "Unknown model", 404,
        "no model '" + id + "' in the model directory; GET /v1/models lists them", "model", "must name a listed model"),
        Map.of());
  }

  /** 500: a listed model's folder cannot be loaded (a fault of the deployment, not of the request). */
  public static ProblemException modelUnloadable(String id, String reason) {
    return new ProblemException(new Problem("urn:ddpm4j:problem:model-unloadable", "Model cannot be loaded", 500,
        "model '" + id + "' cannot be loaded: " + reason, null, null), Map.of());
  }

  /** 503 with {@code Retry-After}: the service cannot take the request now. */
  public static ProblemException unavailable(String detail, int retryAfterSeconds) {
    return new ProblemException(
        new Problem("urn:ddpm4j:problem:unavailable", "Service unavailable", 503, detail, null, null),
        Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
  }

  /** 504: the request ran past its deadline. */
  public static ProblemException deadlineExceeded(String detail) {
    return new ProblemException(
        new Problem("urn:ddpm4j:problem:deadline-exceeded", "Deadline exceeded", 504, detail, null, null), Map.of());
  }
}
