package org.ddpm4j.gateway.api;

import java.util.concurrent.ThreadLocalRandom;
import org.ddpm4j.gateway.generation.SampleSpec;
import org.ddpm4j.gateway.problem.ProblemException;
import org.ddpm4j.sampler.SamplerKind;
import org.ddpm4j.sampler.SamplerSettings;

/**
 * Checks an {@link ImageRequest} against the {@link RequestRules} and fills in defaults. Every broken rule is a 400
 * problem naming the field and the rule. The model id is checked later, against the model directory.
 */
public final class RequestValidator {
  private final RequestRules rules;

  /** A validator for the given rules. */
  public RequestValidator(RequestRules rules) {
    this.rules = rules;
  }

  /** The checked request, with defaults filled in (a missing seed becomes a random non-negative one). */
  public ValidatedRequest validate(ImageRequest body) {
    if (body == null) {
      throw ProblemException.malformedBody(null, "the request needs a JSON object body (it may be {})");
    }
    int n = inRange("n", body.n(), 1, 1, rules.maxN());
    int steps = inRange("steps", body.steps(), RequestRules.DEFAULT_STEPS, 1, rules.maxSteps());
    if ((long) n * steps > rules.maxWork()) {
      throw ProblemException.invalidField("steps", "n * steps <= " + rules.maxWork(),
          "n * steps = " + n + " * " + steps + " = " + (long) n * steps + " is over the cap of " + rules.maxWork()
              + " per request; ask for fewer images or steps");
    }
    SamplerKind kind = samplerKind(body.sampler());
    double eta = eta(body.eta(), kind);
    OutputFormat format = format(body.format(), n);
    int previewEvery = inRange("previewEvery", body.previewEvery(), Math.min(rules.defaultPreviewEvery(), steps), 0,
        steps);
    long seed = body.seed() != null ? body.seed() : ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    String model = body.model() != null ? body.model() : rules.defaultModel();
    return new ValidatedRequest(
        new SampleSpec(model, n, seed, new SamplerSettings(kind, steps, eta), previewEvery), format);
  }

  private static int inRange(String field, Integer value, int fallback, int min, int max) {
    if (value == null) {
      return fallback;
    }
    if (value < min || value > max) {
      throw ProblemException.invalidField(field, min + " <= " + field + " <= " + max,
          field + " = " + value + " is out of range [" + min + ", " + max + "]");
    }
    return value;
  }

  private static SamplerKind samplerKind(String name) {
    if (name == null) {
      return SamplerKind.DDIM;
    }
    try {
      return SamplerKind.parse(name);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("sampler", "one of ddpm, ddim, dpmpp", e.getMessage());
    }
  }

  private static double eta(Double eta, SamplerKind kind) {
    if (eta == null) {
      return 0;
    }
    if (!(eta >= 0 && eta <= 1)) {
      throw ProblemException.invalidField("eta", "0 <= eta <= 1", "eta = " + eta + " is out of range [0, 1]");
    }
    if (eta != 0 && kind != SamplerKind.DDIM) {
      throw ProblemException.invalidField("eta", "eta applies only to sampler ddim",
          "eta = " + eta + " was given for sampler " + kind.id() + ", which takes no eta");
    }
    return eta;
  }

  private static OutputFormat format(String name, int n) {
    if (name == null) {
      return n == 1 ? OutputFormat.PNG : OutputFormat.GRID;
    }
    OutputFormat format = OutputFormat.byWireName(name);
    if (format == null) {
      throw ProblemException.invalidField("format", "one of " + OutputFormat.wireNames(),
          "unknown format '" + name + "'");
    }
    if (format == OutputFormat.PNG && n != 1) {
      throw ProblemException.invalidField("format", "format png returns one image, so n must be 1",
          "format png with n = " + n + "; use grid or json for several images");
    }
    return format;
  }
}
