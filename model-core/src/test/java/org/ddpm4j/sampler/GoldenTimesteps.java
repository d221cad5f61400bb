package org.ddpm4j.sampler;

import java.util.Arrays;
import org.ddpm4j.conformance.GoldenDir;
import org.ddpm4j.io.SafeTensors;
import org.ddpm4j.schedule.SchedulerConfig;

/** The timestep arrays of the golden scheduler files, and configs with one field changed. */
final class GoldenTimesteps {
  private GoldenTimesteps() {}

  /** An int64 array of {@code schedulers/<file>.safetensors}. */
  static int[] of(String file, String key) {
    SafeTensors t = SafeTensors.read(GoldenDir.root().resolve("schedulers").resolve(file + ".safetensors"));
    return Arrays.stream(t.get(key).toLongs()).mapToInt(Math::toIntExact).toArray();
  }

  /** diffusers' defaults plus the given JSON fields, e.g. {@code "\"timestep_spacing\": \"trailing\""}. */
  static SchedulerConfig config(String fields) {
    return SchedulerConfig.parse("{" + fields + "}", "test config");
  }
}
