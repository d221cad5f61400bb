package org.ddpm4j.pipeline;

import com.google.gson.JsonObject;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.unet.UNetConfig;

/**
 * The scheduler a model folder without {@code scheduler_config.json} samples with, and the one {@code ddpm4j init}
 * writes: DDPM (Ho et al. 2020) with linear betas from 1e-4 to 0.02 over 1000 training steps, the fixed_small
 * variance and clip_sample true, i.e. diffusers' {@code DDPMScheduler()} defaults. The written file leaves
 * {@code timestep_spacing} out, so that every sampler keeps its own diffusers default spacing, exactly as for a folder
 * without a scheduler config.
 */
public final class DefaultScheduler {
  private DefaultScheduler() {}

  /** The configuration (equal to {@link SchedulerConfig#defaults()}). */
  public static SchedulerConfig config() {
    return SchedulerConfig.defaults();
  }

  /** The {@code scheduler_config.json} of a diffusers {@code DDPMScheduler} with these settings (a new object). */
  public static JsonObject json() {
    JsonObject o = new JsonObject();
    o.addProperty("_class_name", "DDPMScheduler");
    o.addProperty("_diffusers_version", UNetConfig.DIFFUSERS_VERSION);
    o.addProperty("num_train_timesteps", 1000);
    o.addProperty("beta_schedule", "linear");
    o.addProperty("beta_start", 0.0001);
    o.addProperty("beta_end", 0.02);
    o.addProperty("variance_type", "fixed_small");
    o.addProperty("clip_sample", true);
    o.addProperty("clip_sample_range", 1.0);
    o.addProperty("prediction_type", "epsilon");
    return o;
  }
}
