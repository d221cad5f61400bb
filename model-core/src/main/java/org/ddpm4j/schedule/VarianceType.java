package org.ddpm4j.schedule;

/** The DDPM reverse-process variance (diffusers' {@code variance_type}) that ddpm4j supports. */
public enum VarianceType {
  /** The posterior variance beta~_t = (1 - abar_prev) / (1 - abar_t) * beta_t, clamped to at least 1e-20. */
  FIXED_SMALL,
  /** beta_t itself. */
  FIXED_LARGE
}
