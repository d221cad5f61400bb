package org.ddpm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ddpm4j.train.TrainConfig;
import org.ddpm4j.train.Trainer;
import org.ddpm4j.train.TrainConfigJson;
import org.ddpm4j.train.TrainingCheckpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainCommandTest {
  @TempDir Path tmp;
  Path model;
  Path data;

  @BeforeEach
  void setUp() throws IOException {
    model = tmp.resolve("init");
    Path config = TinyConfig.write(tmp.resolve("tiny.json"), null, null);
    assertEquals(0, CliRun.of("init", "--config", config.toString(), "--out", model.toString()).exitCode());
    data = tmp.resolve("data");
    Files.createDirectories(data);
    int n = 12;
    ByteBuffer images = ByteBuffer.allocate(16 + n * 64).putInt(0x803).putInt(n).putInt(8).putInt(8);
    ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
    for (int i = 0; i < n * 64; i++) {
      images.put((byte) (i * 29 % 256));
    }
    for (int i = 0; i < n; i++) {
      labels.put((byte) (i % 10));
    }
    Files.write(data.resolve("train-images-idx3-ubyte"), images.array());
    Files.write(data.resolve("train-labels-idx1-ubyte"), labels.array());
  }

  private CliRun train(String... args) {
    List<String> all = new ArrayList<>(List.of("train"));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void trainsThenResumesWithMoreStepsKeepingTheFlagsAndTheFileConfig() throws IOException {
    Path run = tmp.resolve("run");
    Path file = Files.writeString(tmp.resolve("train.json"), "{\"warmupSteps\": 2, \"ema\": {\"decay\": 0.99}}");
    CliRun first = train("--model", model.toString(), "--data", data.toString(), "--out", run.toString(),
        "--config", file.toString(), "--steps", "3", "--batch-size", "4", "--lr", "1e-3", "--seed", "9",
        "--sample-every", "3", "--checkpoint-every", "2", "--keep", "5");
    assertEquals(0, first.exitCode(), first::describe);
    assertTrue(first.out().contains("from step 0 to 3 (batch 4, lr 0.001, seed 9)"), first.out());
    assertTrue(first.out().contains("train: finished at step 3"), first.out());
    assertTrue(Files.isDirectory(run.resolve("checkpoint-2")));
    assertTrue(Files.isRegularFile(run.resolve("samples/step-0000003.png")));
    assertTrue(Files.size(run.resolve(TrainCommand.LOSS_CURVE)) > 1000, "loss_curve.png");
    TrainConfig saved = TrainConfigJson.read(run.resolve("checkpoint-3").resolve(TrainingCheckpoint.CONFIG),
        TrainConfig.DEFAULT);
    assertEquals(3, saved.steps());
    assertEquals(4, saved.batchSize());
    assertEquals(1e-3, saved.optimizer().lr());
    assertEquals(2, saved.warmupSteps());
    assertEquals(0.99, saved.ema().decay());

    CliRun resumed = train("--resume", run.toString(), "--steps", "5");
    assertEquals(0, resumed.exitCode(), resumed::describe);
    assertTrue(resumed.out().contains("from step 3 to 5 (batch 4, lr 0.001, seed 9)"), resumed.out());
    List<String> log = Files.readAllLines(run.resolve("train_log.jsonl"), StandardCharsets.UTF_8);
    assertEquals(5, log.size());
    assertEquals(5, JsonParser.parseString(log.get(4)).getAsJsonObject().get("step").getAsInt());
  }

  @Test
  void sigtermSavesACheckpointThenWritesTheSummaryAndTheLossCurve() throws IOException, InterruptedException {
    Path run = tmp.resolve("run");
    Path out = tmp.resolve("stdout.txt");
    Path err = tmp.resolve("stderr.txt");
    Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), Ddpm4jCli.class.getName(),
        "train", "--model", model.toString(), "--data", data.toString(), "--out", run.toString(),
        "--steps", "100000", "--batch-size", "4", "--checkpoint-every", "100000", "--sample-every", "100000",
        "--threads", "1")
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    Path log = run.resolve(Trainer.LOG);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.isRegularFile(log) || Files.size(log) == 0) {
      assertTrue(java.isAlive() && System.nanoTime() < deadline, () -> "no training step logged: " + read(err));
      Thread.sleep(50);
    }
    java.destroy(); // SIGTERM
    assertTrue(java.waitFor(120, TimeUnit.SECONDS), "still running 120 s after SIGTERM");
    String stdout = read(out);
    Matcher stopped = Pattern.compile("train: stopped at step (\\d+) ").matcher(stdout);
    assertTrue(stopped.find(), () -> stdout + read(err));
    assertEquals(143, java.exitValue(), "exit status after SIGTERM");
    assertTrue(Files.isDirectory(run.resolve("checkpoint-" + stopped.group(1))), stdout);
    assertTrue(Files.size(run.resolve(TrainCommand.LOSS_CURVE)) > 1000, "loss_curve.png");
    assertFalse(read(err).contains("error"), () -> read(err));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--steps 2 | a new run needs --model, --data and --out",
    "--resume RUN --model MODEL | do not combine it with --model, --data or --out",
    "--model MODEL --data DATA --out RUN --split validation | split 'validation' is neither train nor test",
    "--model MODEL --data DATA --out RUN --dataset imagenet | unknown dataset kind 'imagenet'",
    "--model MODEL --data DATA --out RUN --batch-size 0 | batchSize = 0 must be >= 1",
    "--model MODEL --data DATA --out RUN --lr -1 | optimizer.lr = -1.0 is outside",
    "--model MODEL --data DATA --out RUN --threads -1 | --threads = -1 must be >= 0",
    "--resume RUN | holds no checkpoint-<step> folder to resume from",
    "--model MODEL --data MODEL --out RUN | train-images-idx3-ubyte",
  })
  void badInputIsOneClearLine(String args, String message) {
    String[] parts = args.trim().replace("MODEL", model.toString()).replace("DATA", data.toString())
        .replace("RUN", tmp.resolve("run").toString()).split(" ");
    CliRun run = train(parts);
    assertEquals(1, run.exitCode(), run::describe);
    List<String> lines = run.errorLines();
    assertEquals(1, lines.size(), run::describe);
    assertTrue(lines.get(0).startsWith("ddpm4j train: error: "), run::describe);
    assertTrue(lines.get(0).contains(message.trim()), run::describe);
  }
}
