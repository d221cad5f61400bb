package org.ddpm4j.sampler;

/**
 * What a user chooses about sampling: the algorithm, the number of steps and, for DDIM, eta. The upper bound of steps
 * (num_train_timesteps) is checked by {@link SamplerFactory}, which knows the scheduler configuration.
 *
 * @param kind the algorithm
 * @param steps the number of inference steps, at least 1
 * @param eta DDIM's noise scale in [0, 1]; must be 0 for the other samplers
 */
public record SamplerSettings(SamplerKind kind, int steps, double eta) {
  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException naming the setting and its value
   */
  public SamplerSettings {
    if (kind == null) {
      throw new IllegalArgumentException("sampler kind must be given");
    }
    if (steps < 1) {
      throw new IllegalArgumentException("steps = " + steps + " must be at least 1");
    }
    if (!(eta >= 0 && eta <= 1)) {
      throw new IllegalArgumentException("eta = " + eta + " must be in [0, 1]");
    }
    if (eta != 0 && kind != SamplerKind.DDIM) {
      throw new IllegalArgumentException("eta = " + eta + " applies only to the ddim sampler, not " + kind.id());
    }
  }
}
