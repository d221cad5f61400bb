package org.ddpm4j.flink.sample;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.ddpm4j.io.AtomicFiles;

/**
 * manifest.json: the job record (n, batch size, format, image shape, generator settings with the model hash,
 * sampler settings and seed) plus what the run did (wall time, samples/s). Written atomically, and only after every
 * sample is on disk, so its presence means the folder is complete.
 */
final class Manifest {
  private Manifest() {}

  /** The manifest's JSON. */
  static JsonObject of(JsonObject job, GeneratorInfo info, SampleJobResult result, Instant finished) {
    JsonObject m = new JsonObject();
    m.addProperty("status", "complete");
    for (var e : job.entrySet()) {
      m.add(e.getKey(), e.getValue().deepCopy());
    }
    m.addProperty("modelSource", info.source());
    m.addProperty("parallelism", result.parallelism());
    m.addProperty("generated", result.generated());
    m.addProperty("skippedOnResume", result.skipped());
    m.addProperty("wallTimeSeconds", result.wallSeconds());
    m.addProperty("samplesPerSecond", result.samplesPerSecond());
    m.addProperty("finishedAt", finished.toString());
    return m;
  }

  /** Writes the manifest atomically. */
  static void write(OutputLayout layout, JsonObject manifest) {
    AtomicFiles.write(layout.manifest(),
        (new GsonBuilder().setPrettyPrinting().create().toJson(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
