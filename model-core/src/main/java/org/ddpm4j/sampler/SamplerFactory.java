package org.ddpm4j.sampler;

import org.ddpm4j.schedule.SchedulerConfig;

/** Makes the sampler that settings ask for, as diffusers' {@code from_config} would from one scheduler config. */
public final class SamplerFactory {
  private SamplerFactory() {}

  /**
   * A fresh sampler with its timesteps set for {@code settings.steps()}.
   *
   * @throws IllegalArgumentException when the steps exceed num_train_timesteps or the configuration gives no valid
   *     timesteps for them
   */
  public static Sampler create(SamplerSettings settings, SchedulerConfig config) {
    if (settings.steps() > config.numTrainTimesteps()) {
      throw new IllegalArgumentException("steps = " + settings.steps() + " exceeds num_train_timesteps = "
          + config.numTrainTimesteps());
    }
    Sampler sampler = switch (settings.kind()) {
      case DDPM -> new DdpmSampler(config);
      case DDIM -> new DdimSampler(config, settings.eta());
      case DPMPP -> new DpmSolverPlusPlusSampler(config);
    };
    sampler.setTimesteps(settings.steps());
    return sampler;
  }
}
