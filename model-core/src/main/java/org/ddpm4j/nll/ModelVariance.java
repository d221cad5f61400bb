package org.ddpm4j.nll;

import java.util.Locale;

/** The fixed variance of the reverse process p(x_{t-1} | x_t), as diffusers' {@code variance_type}. */
public enum ModelVariance {
  /** sigma_t^2 = beta-tilde_t, the posterior variance (log clipped at t = 0 to that of t = 1). */
  FIXED_SMALL,
  /** sigma_t^2 = beta_t for t &gt;= 1, and beta-tilde_1 at t = 0 (improved-diffusion's FIXED_LARGE). */
  FIXED_LARGE;

  /** The model log-variance at timestep t. */
  public double logVariance(DiffusionTables tables, int t) {
    return switch (this) {
      case FIXED_SMALL -> tables.posteriorLogVarianceClipped(t);
      case FIXED_LARGE -> t == 0 ? Math.log(tables.posteriorVariance(1)) : Math.log(tables.beta(t));
    };
  }

  /**
   * Parses a diffusers {@code variance_type} ("fixed_small", "fixed_large").
   *
   * @throws IllegalArgumentException naming the value for any other (learned variances have no fixed bound)
   */
  public static ModelVariance parse(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "fixed_small" -> FIXED_SMALL;
      case "fixed_large" -> FIXED_LARGE;
      default -> throw new IllegalArgumentException("variance type '" + name
          + "' has no fixed-variance bound (expected fixed_small or fixed_large)");
    };
  }

  /** The diffusers name of this variance type. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
