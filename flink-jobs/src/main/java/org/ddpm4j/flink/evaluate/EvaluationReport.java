package org.ddpm4j.flink.evaluate;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ddpm4j.io.AtomicFiles;

/**
 * The evaluation's {@code report.json}: the scoring report exactly as {@code ddpm4j fid} writes it (metric names such
 * as "FID-FMNIST", values, inputs, feature network, scoring wall time) with one more field, {@code sampling}: the
 * sample job's {@code manifest.json} (n, batch size, image shape, the generator's settings with model hash, sampler,
 * steps, eta and seed, the sampling wall time and samples per second).
 */
final class EvaluationReport {
  private EvaluationReport() {}

  /**
   * The report's JSON.
   *
   * @param scoring the scoring report
   * @param manifest the sample job's manifest.json
   */
  static JsonObject of(JsonObject scoring, Path manifest) {
    JsonObject report = scoring.deepCopy();
    report.add("sampling", read(manifest));
    return report;
  }

  /** Writes the report atomically. */
  static void write(Path file, JsonObject report) {
    AtomicFiles.write(file,
        (new GsonBuilder().setPrettyPrinting().create().toJson(report) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject read(Path manifest) {
    try {
      return JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(manifest + ": cannot read the sample job's manifest (" + e.getMessage() + ")", e);
    } catch (JsonParseException | IllegalStateException e) {
      throw new IllegalStateException(manifest + ": the sample job's manifest is not a JSON object", e);
    }
  }
}
