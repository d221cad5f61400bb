package org.ddpm4j.schedule;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A diffusers scheduler configuration ({@code scheduler_config.json} of DDPMScheduler, DDIMScheduler or
 * DPMSolverMultistepScheduler), the one typed record every sampler is built from. As with diffusers'
 * {@code from_config}, one file serves every sampler: each reads the fields it knows.
 *
 * <p>Absent or null fields take diffusers' defaults. Fields with only one supported value are checked when parsing and
 * not kept: {@code prediction_type} must be epsilon, {@code thresholding} and {@code rescale_betas_zero_snr} false,
 * {@code use_karras_sigmas} false, {@code solver_order} 2, {@code algorithm_type} dpmsolver++, {@code solver_type}
 * midpoint. {@code dynamic_thresholding_ratio}, {@code sample_max_value} and names starting with {@code _} only matter
 * with thresholding or to diffusers itself and are ignored, as are unknown fields (diffusers ignores them too).
 *
 * @param numTrainTimesteps T ({@code num_train_timesteps}, default 1000)
 * @param betaSchedule {@code beta_schedule} (default linear)
 * @param betaStart {@code beta_start} (default 0.0001)
 * @param betaEnd {@code beta_end} (default 0.02)
 * @param trainedBetas {@code trained_betas}: T explicit betas that replace the schedule; empty when not given
 * @param varianceType DDPM {@code variance_type} (default, and for null, fixed_small)
 * @param clipSample DDPM/DDIM {@code clip_sample}: clamp the predicted x0 (default true)
 * @param clipSampleRange {@code clip_sample_range}: the clamp bound (default 1.0)
 * @param setAlphaToOne DDIM {@code set_alpha_to_one}: abar before t = 0 is 1, else abar_0 (default true)
 * @param stepsOffset {@code steps_offset}, added to leading timesteps (default 0)
 * @param timestepSpacing {@code timestep_spacing}; null when not given, in which case each sampler uses diffusers'
 *     default for its class (leading for DDPM and DDIM, linspace for DPM-Solver++)
 * @param lowerOrderFinal DPM-Solver {@code lower_order_final}: first-order last step below 15 steps (default true)
 * @param lambdaMinClipped DPM-Solver {@code lambda_min_clipped} (default -infinity, written {@code "-inf"})
 */
public record SchedulerConfig(
    int numTrainTimesteps,
    BetaSchedule betaSchedule,
    double betaStart,
    double betaEnd,
    List<Double> trainedBetas,
    VarianceType varianceType,
    boolean clipSample,
    double clipSampleRange,
    boolean setAlphaToOne,
    int stepsOffset,
    TimestepSpacing timestepSpacing,
    boolean lowerOrderFinal,
    double lambdaMinClipped) {

  /**
   * Checks the values that the types do not.
   *
   * @throws IllegalArgumentException naming the field and value
   */
  public SchedulerConfig {
    if (numTrainTimesteps < 1) {
      throw new IllegalArgumentException("num_train_timesteps = " + numTrainTimesteps + " must be at least 1");
    }
    if (betaSchedule == null || varianceType == null) {
      throw new IllegalArgumentException("beta_schedule and variance_type must not be null");
    }
    if (!(Double.isFinite(betaStart) && Double.isFinite(betaEnd))) {
      throw new IllegalArgumentException("beta_start = " + betaStart + ", beta_end = " + betaEnd + " must be finite");
    }
    trainedBetas = List.copyOf(trainedBetas);
    if (!trainedBetas.isEmpty() && trainedBetas.size() != numTrainTimesteps) {
      throw new IllegalArgumentException("trained_betas has " + trainedBetas.size()
          + " values, num_train_timesteps = " + numTrainTimesteps);
    }
    if (!(clipSampleRange > 0 && Double.isFinite(clipSampleRange))) {
      throw new IllegalArgumentException("clip_sample_range = " + clipSampleRange + " must be positive and finite");
    }
    if (stepsOffset < 0) {
      throw new IllegalArgumentException("steps_offset = " + stepsOffset + " must not be negative");
    }
    if (Double.isNaN(lambdaMinClipped)) {
      throw new IllegalArgumentException("lambda_min_clipped must not be NaN");
    }
  }

  /** The configuration of an empty {@code {}} file: diffusers' defaults. */
  public static SchedulerConfig defaults() {
    return fromJson(new JsonObject(), "default scheduler config");
  }

  /**
   * Reads a {@code scheduler_config.json}.
   *
   * @throws IllegalArgumentException naming the file and, for a bad value, the field and value
   */
  public static SchedulerConfig read(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read scheduler config (" + e.getMessage() + ")", e);
    }
    return parse(json, file.toString());
  }

  /**
   * Parses a scheduler configuration from JSON text.
   *
   * @param source where the text came from, for error messages
   */
  public static SchedulerConfig parse(String json, String source) {
    JsonElement root;
    try {
      root = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(source + ": invalid JSON (" + e.getMessage() + ")", e);
    }
    if (!root.isJsonObject()) {
      throw new IllegalArgumentException(source + ": a scheduler config must be a JSON object");
    }
    return fromJson(root.getAsJsonObject(), source);
  }

  /**
   * The configuration a parsed JSON object describes.
   *
   * @param source where the object came from, for error messages
   * @throws IllegalArgumentException naming the source, field and value of anything malformed or unsupported
   */
  public static SchedulerConfig fromJson(JsonObject json, String source) {
    JsonFields f = new JsonFields(json, source);
    f.requireOnly("prediction_type", new JsonPrimitive("epsilon"));
    f.requireOnly("thresholding", new JsonPrimitive(false));
    f.requireOnly("rescale_betas_zero_snr", new JsonPrimitive(false));
    f.requireOnly("use_karras_sigmas", new JsonPrimitive(false));
    f.requireOnly("solver_order", new JsonPrimitive(2));
    f.requireOnly("algorithm_type", new JsonPrimitive("dpmsolver++"));
    f.requireOnly("solver_type", new JsonPrimitive("midpoint"));
    int numTrain = f.integer("num_train_timesteps", 1000);
    BetaSchedule schedule = f.choice("beta_schedule", BetaSchedule.class, BetaSchedule.LINEAR);
    double betaStart = f.real("beta_start", 0.0001);
    double betaEnd = f.real("beta_end", 0.02);
    List<Double> trainedBetas = f.reals("trained_betas");
    VarianceType variance = f.choice("variance_type", VarianceType.class, VarianceType.FIXED_SMALL);
    boolean clip = f.bool("clip_sample", true);
    double clipRange = f.real("clip_sample_range", 1.0);
    boolean alphaToOne = f.bool("set_alpha_to_one", true);
    int stepsOffset = f.integer("steps_offset", 0);
    TimestepSpacing spacing = f.choice("timestep_spacing", TimestepSpacing.class, null);
    boolean lowerOrderFinal = f.bool("lower_order_final", true);
    double lambdaMin = f.extendedReal("lambda_min_clipped", Double.NEGATIVE_INFINITY);
    try {
      return new SchedulerConfig(numTrain, schedule, betaStart, betaEnd, trainedBetas, variance, clip, clipRange,
          alphaToOne, stepsOffset, spacing, lowerOrderFinal, lambdaMin);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /** The configured timestep spacing, or {@code fallback} (the sampler's diffusers default) when none is given. */
  public TimestepSpacing timestepSpacingOr(TimestepSpacing fallback) {
    return timestepSpacing != null ? timestepSpacing : fallback;
  }
}
