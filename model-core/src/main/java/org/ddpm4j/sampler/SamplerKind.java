package org.ddpm4j.sampler;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The sampling algorithms, named as on the command line and in requests: ddpm, ddim, dpmpp. */
public enum SamplerKind {
  /** Ancestral DDPM ({@link DdpmSampler}). */
  DDPM,
  /** DDIM with eta ({@link DdimSampler}). */
  DDIM,
  /** Multistep DPM-Solver++ of order 2 ({@link DpmSolverPlusPlusSampler}). */
  DPMPP;

  /** The name users write: {@code ddpm}, {@code ddim} or {@code dpmpp}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind a user named (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and listing the valid names
   */
  public static SamplerKind parse(String name) {
    for (SamplerKind k : values()) {
      if (k.id().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown sampler '" + name + "' (valid: "
        + Arrays.stream(values()).map(SamplerKind::id).collect(Collectors.joining(", ")) + ")");
  }
}
