package org.ddpm4j.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchedulerConfigTest {

  /** google/ddpm-cifar10-32's scheduler config as diffusers v0.21.4 serialises it. */
  private static final String CIFAR10 = """
      {"_class_name": "DDPMScheduler", "_diffusers_version": "0.21.4", "beta_end": 0.02,
       "beta_schedule": "linear", "beta_start": 0.0001, "clip_sample": true, "clip_sample_range": 1.0,
       "dynamic_thresholding_ratio": 0.995, "num_train_timesteps": 1000, "prediction_type": "epsilon",
       "sample_max_value": 1.0, "steps_offset": 0, "thresholding": false, "timestep_spacing": "leading",
       "trained_betas": null, "variance_type": "fixed_large"}""";

  @Test
  void defaultsAreDiffusers() {
    SchedulerConfig c = SchedulerConfig.defaults();
    assertEquals(1000, c.numTrainTimesteps());
    assertEquals(BetaSchedule.LINEAR, c.betaSchedule());
    assertEquals(0.0001, c.betaStart());
    assertEquals(0.02, c.betaEnd());
    assertTrue(c.trainedBetas().isEmpty());
    assertEquals(VarianceType.FIXED_SMALL, c.varianceType());
    assertTrue(c.clipSample());
    assertEquals(1.0, c.clipSampleRange());
    assertTrue(c.setAlphaToOne());
    assertEquals(0, c.stepsOffset());
    assertNull(c.timestepSpacing());
    assertEquals(TimestepSpacing.LEADING, c.timestepSpacingOr(TimestepSpacing.LEADING));
    assertEquals(TimestepSpacing.LINSPACE, c.timestepSpacingOr(TimestepSpacing.LINSPACE));
    assertTrue(c.lowerOrderFinal());
    assertEquals(Double.NEGATIVE_INFINITY, c.lambdaMinClipped());
  }

  @Test
  void readsTheCifar10Config(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("scheduler_config.json");
    Files.writeString(file, CIFAR10);
    SchedulerConfig c = SchedulerConfig.read(file);
    assertEquals(VarianceType.FIXED_LARGE, c.varianceType());
    assertEquals(TimestepSpacing.LEADING, c.timestepSpacing());
    assertTrue(c.clipSample());
  }

  @Test
  void readsDpmSolverFields() {
    SchedulerConfig c = SchedulerConfig.parse("""
        {"algorithm_type": "dpmsolver++", "solver_order": 2, "solver_type": "midpoint", "lower_order_final": false,
         "lambda_min_clipped": "-inf", "timestep_spacing": "linspace", "use_karras_sigmas": false,
         "variance_type": null}""", "dpm");
    assertFalse(c.lowerOrderFinal());
    assertEquals(Double.NEGATIVE_INFINITY, c.lambdaMinClipped());
    assertEquals(TimestepSpacing.LINSPACE, c.timestepSpacing());
    assertEquals(VarianceType.FIXED_SMALL, c.varianceType());
    assertEquals(-5.1, SchedulerConfig.parse("{\"lambda_min_clipped\": -5.1}", "x").lambdaMinClipped());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"prediction_type\": \"v_prediction\"}|prediction_type = \"v_prediction\" is not supported (supported: \"epsilon\")",
      "{\"thresholding\": true}|thresholding = true is not supported",
      "{\"beta_schedule\": \"sigmoid\"}|beta_schedule = \"sigmoid\" is not supported (supported: linear, scaled_linear, squaredcos_cap_v2)",
      "{\"variance_type\": \"learned_range\"}|variance_type = \"learned_range\" is not supported (supported: fixed_small, fixed_large)",
      "{\"timestep_spacing\": \"uniform\"}|timestep_spacing = \"uniform\" is not supported (supported: leading, trailing, linspace)",
      "{\"solver_order\": 3}|solver_order = 3 is not supported (supported: 2)",
      "{\"algorithm_type\": \"sde-dpmsolver++\"}|algorithm_type = \"sde-dpmsolver++\" is not supported",
      "{\"solver_type\": \"heun\"}|solver_type = \"heun\" is not supported",
      "{\"use_karras_sigmas\": true}|use_karras_sigmas = true is not supported",
      "{\"rescale_betas_zero_snr\": true}|rescale_betas_zero_snr = true is not supported",
      "{\"clip_sample\": \"yes\"}|clip_sample must be a boolean, got \"yes\"",
      "{\"num_train_timesteps\": 10.5}|num_train_timesteps must be an integer, got 10.5",
      "{\"beta_start\": \"small\"}|beta_start must be a number, got \"small\"",
      "{\"lambda_min_clipped\": \"-big\"}|lambda_min_clipped must be a number, \"inf\" or \"-inf\", got \"-big\"",
      "{\"trained_betas\": [0.1, 0.2]}|trained_betas has 2 values, num_train_timesteps = 1000",
      "{\"num_train_timesteps\": 0}|num_train_timesteps = 0 must be at least 1",
      "{\"steps_offset\": -1}|steps_offset = -1 must not be negative",
      "{\"clip_sample_range\": 0}|clip_sample_range = 0.0 must be positive and finite",
      "[1, 2]|a scheduler config must be a JSON object",
      "{\"beta_end\": |invalid JSON"})
  void rejectsWithTheSourceFieldAndValue(String json, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SchedulerConfig.parse(json, "my/scheduler_config.json"));
    assertTrue(e.getMessage().startsWith("my/scheduler_config.json: "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SchedulerConfig.read(missing));
    assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
  }
}
