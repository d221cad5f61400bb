package org.ddpm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NllCommandTest {
  @TempDir Path tmp;

  @Test
  void reportsTheBoundWithItsTermsAndWritesThemAsJson() throws IOException {
    Path model = tmp.resolve("model");
    Path config = TinyConfig.write(tmp.resolve("tiny.json"), null, null);
    assertEquals(0, CliRun.of("init", "--config", config.toString(), "--out", model.toString()).exitCode());
    Files.writeString(model.resolve("scheduler_config.json"),
        "{\"_class_name\": \"DDPMScheduler\", \"num_train_timesteps\": 30, \"beta_end\": 0.3}");
    Path data = Files.createDirectories(tmp.resolve("data"));
    int n = 3;
    ByteBuffer images = ByteBuffer.allocate(16 + n * 64).putInt(0x803).putInt(n).putInt(8).putInt(8);
    ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
    for (int i = 0; i < n * 64; i++) {
      images.put((byte) (i * 71 % 256));
    }
    Files.write(data.resolve("t10k-images-idx3-ubyte"), images.array());
    Files.write(data.resolve("t10k-labels-idx1-ubyte"), labels.array());
    Path out = tmp.resolve("nll.json");

    CliRun run = CliRun.of("nll", "--model", model.toString(), "--data", data.toString(), "--n", "3", "--batch", "2",
        "--out", out.toString());

    assertEquals(0, run.exitCode(), run::describe);
    Matcher m = Pattern.compile("3 images of .* \\(test\\): ([0-9.]+) \\+- ([0-9.]+) bits/dim \\(prior ([0-9.]+), "
        + "decoder L_0 ([0-9.]+), KL terms L_1..L_29 ([0-9.]+)\\)").matcher(run.out());
    assertTrue(m.find(), run::describe);
    JsonObject report = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
    assertEquals(3, report.get("n").getAsInt());
    assertEquals(30, report.getAsJsonArray("term_bpd_by_t").size());
    double total = report.get("bits_per_dim").getAsDouble();
    assertEquals(Double.parseDouble(m.group(1)), total, 1e-4);
    assertEquals(total, report.get("prior_bpd").getAsDouble() + report.get("decoder_bpd").getAsDouble()
        + report.get("kl_terms_bpd").getAsDouble(), 1e-9 * total);
  }

  @Test
  void aVarianceWithoutAFixedBoundIsNamed() throws IOException {
    Path model = tmp.resolve("model");
    Path config = TinyConfig.write(tmp.resolve("tiny.json"), null, null);
    assertEquals(0, CliRun.of("init", "--config", config.toString(), "--out", model.toString()).exitCode());
    CliRun run = CliRun.of("nll", "--model", model.toString(), "--data", tmp.toString(), "--split", "dev");
    assertEquals(1, run.exitCode(), run::describe);
    assertEquals("ddpm4j nll: error: split 'dev' is neither train nor test", run.errorLines().get(0));
  }
}
