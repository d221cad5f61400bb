package org.ddpm4j.flink.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRecordTest {
  private static final SampleJobSettings SETTINGS =
      new SampleJobSettings(100, 16, 2, Path.of("/out"), OutputFormat.PNG, false, 3);

  @Test
  void recordsWhatTheBytesDependOnButNotTheParallelism() {
    JsonObject settings = JsonParser.parseString("{\"seed\":3,\"sampler\":{\"kind\":\"ddim\",\"steps\":10}}")
        .getAsJsonObject();
    JsonObject job = JobRecord.of(SETTINGS, new GeneratorInfo(new ImageShape(32, 32, 3), settings, "/m"));
    assertEquals(JsonParser.parseString("{\"count\":100,\"batchSize\":16,\"format\":\"png\","
        + "\"image\":{\"height\":32,\"width\":32,\"channels\":3},"
        + "\"generator\":{\"seed\":3,\"sampler\":{\"kind\":\"ddim\",\"steps\":10}}}"), job);
    JsonObject otherParallelism = JobRecord.of(new SampleJobSettings(100, 16, 4, Path.of("/x"), OutputFormat.PNG,
        true, 0), new GeneratorInfo(new ImageShape(32, 32, 3), settings, "/moved"));
    assertEquals(List.of(), JobRecord.differences(job, otherParallelism));
  }

  @Test
  void differencesNameEveryChangedFieldByItsPath() {
    JsonObject a = JsonParser.parseString("{\"n\":1,\"g\":{\"seed\":3,\"eta\":0.0},\"x\":true}").getAsJsonObject();
    JsonObject b = JsonParser.parseString("{\"n\":1,\"g\":{\"seed\":4,\"eta\":0.0},\"y\":1}").getAsJsonObject();
    assertEquals(List.of("g.seed: 3 -> 4", "x: true -> null", "y: null -> 1"), JobRecord.differences(a, b));
  }
}
