package org.ddpm4j.flink.sample;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything the output bytes depend on, as JSON: n, batch size, format, image shape and the generator's settings.
 * Written to job.json before the job; a resumed run must produce the same record.
 */
final class JobRecord {
  private JobRecord() {}

  /** The record of a run. */
  static JsonObject of(SampleJobSettings settings, GeneratorInfo info) {
    JsonObject job = new JsonObject();
    job.addProperty("count", settings.count());
    job.addProperty("batchSize", settings.batchSize());
    job.addProperty("format", settings.format().label());
    JsonObject image = new JsonObject();
    image.addProperty("height", info.shape().height());
    image.addProperty("width", info.shape().width());
    image.addProperty("channels", info.shape().channels());
    job.add("image", image);
    job.add("generator", info.settings().deepCopy());
    return job;
  }

  /**
   * The fields in which two records differ, as "path: before -> now" with dotted paths ({@code generator.seed}).
   *
   * @param before the record on disk
   * @param now the record of this run
   */
  static List<String> differences(JsonObject before, JsonObject now) {
    List<String> out = new ArrayList<>();
    collect("", before, now, out);
    return out;
  }

  private static void collect(String prefix, JsonElement before, JsonElement now, List<String> out) {
    if (before != null && now != null && before.isJsonObject() && now.isJsonObject()) {
      TreeSet<String> keys = new TreeSet<>();
      for (Map.Entry<String, JsonElement> e : before.getAsJsonObject().entrySet()) {
        keys.add(e.getKey());
      }
      for (Map.Entry<String, JsonElement> e : now.getAsJsonObject().entrySet()) {
        keys.add(e.getKey());
      }
      for (String key : keys) {
        collect(prefix.isEmpty() ? key : prefix + "." + key,
            before.getAsJsonObject().get(key), now.getAsJsonObject().get(key), out);
      }
    } else if (before == null || !before.equals(now)) {
      out.add(prefix + ": " + before + " -> " + now);
    }
  }
}
