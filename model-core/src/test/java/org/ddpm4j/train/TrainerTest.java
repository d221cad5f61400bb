package org.ddpm4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ddpm4j.pipeline.DefaultScheduler;
import org.ddpm4j.train.data.DatasetConfig;
import org.ddpm4j.train.data.DatasetKind;
import org.ddpm4j.train.data.Split;
import org.ddpm4j.unet.UNet2DModel;
import org.ddpm4j.unet.UNetConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  @TempDir static Path dir;
  static Path init;
  static DatasetConfig data;

  /** An 8x8 gray U-Net with attention and dropout 0.1 (so the dropout masks must be reproduced too). */
  static final String CONFIG = """
      {"_class_name": "UNet2DModel", "sample_size": 8, "in_channels": 1, "out_channels": 1,
       "block_out_channels": [16, 32], "layers_per_block": 1, "norm_num_groups": 4, "norm_eps": 1e-6,
       "down_block_types": ["DownBlock2D", "AttnDownBlock2D"], "up_block_types": ["AttnUpBlock2D", "UpBlock2D"],
       "freq_shift": 1, "flip_sin_to_cos": false, "downsample_padding": 0, "dropout": 0.1}
      """;

  @BeforeAll
  static void setUp() throws IOException {
    init = dir.resolve("init");
    UNetConfig config = UNetConfig.fromJson(JsonParser.parseString(CONFIG).getAsJsonObject(), "test");
    try (UNet2DModel m = UNet2DModel.create(config, 3)) {
      m.save(init, DefaultScheduler.json());
    }
    Path images = dir.resolve("train-images-idx3-ubyte");
    int n = 24;
    ByteBuffer b = ByteBuffer.allocate(16 + n * 64);
    b.putInt(0x803).putInt(n).putInt(8).putInt(8);
    for (int i = 0; i < n * 64; i++) {
      b.put((byte) ((i * 37 + (i / 64) * 11) % 256));
    }
    Files.write(images, b.array());
    ByteBuffer labels = ByteBuffer.allocate(8 + n);
    labels.putInt(0x801).putInt(n);
    for (int i = 0; i < n; i++) {
      labels.put((byte) (i % 10));
    }
    Files.write(dir.resolve("train-labels-idx1-ubyte"), labels.array());
    data = new DatasetConfig(DatasetKind.FASHION_MNIST, images, Split.TRAIN, 8, 1);
  }

  static TrainConfig config(long steps) {
    return new TrainConfig(steps, 4, 7, AdamConfig.DEFAULT, 20, 1.0, EmaConfig.DEFAULT, 50, 2, 0, 2, 4, true);
  }

  static Map<String, float[]> copy(Map<String, NDArray> weights) {
    Map<String, float[]> out = new LinkedHashMap<>();
    weights.forEach((k, a) -> out.put(k, a.toFloatArray()));
    return out;
  }

  static double maxDiff(Map<String, float[]> a, Map<String, float[]> b) {
    assertEquals(a.keySet(), b.keySet());
    double max = 0;
    for (String k : a.keySet()) {
      float[] x = a.get(k);
      float[] y = b.get(k);
      for (int i = 0; i < x.length; i++) {
        max = Math.max(max, Math.abs(x[i] - y[i]));
      }
    }
    return max;
  }

  @Test
  void hundredStepsThenResumeThenHundredEqualTwoHundredStraight() throws IOException {
    Map<String, float[]> straightRaw;
    Map<String, float[]> straightEma;
    try (Trainer t = Trainer.start(init, data, config(200), dir.resolve("straight"))) {
      assertEquals(200, t.run(StopSignal.manual(), r -> { }));
      straightRaw = copy(t.model().parameters());
      straightEma = copy(t.emaWeights());
    }
    Path run = dir.resolve("split");
    try (Trainer t = Trainer.start(init, data, config(100), run)) {
      assertEquals(100, t.run(StopSignal.manual(), r -> { }));
    }
    try (Trainer t = Trainer.resume(run, c -> config(200))) {
      assertEquals(100, t.step());
      assertEquals(200, t.run(StopSignal.manual(), r -> { }));
      double raw = maxDiff(straightRaw, copy(t.model().parameters()));
      double ema = maxDiff(straightEma, copy(t.emaWeights()));
      System.out.printf("[train] resume vs straight, 200 steps: raw max diff %.3g, EMA max diff %.3g%n", raw, ema);
      assertTrue(raw <= 1e-6, "raw weights differ by " + raw);
      assertTrue(ema <= 1e-6, "EMA weights differ by " + ema);
    }
    // the checkpoint folder is a model folder holding the EMA weights
    try (UNet2DModel saved = UNet2DModel.load(run.resolve("checkpoint-200"))) {
      assertEquals(0.0, maxDiff(straightEma, copy(saved.parameters())), 1e-6);
    }
    assertEquals(List.of(run.resolve("checkpoint-150"), run.resolve("checkpoint-200")),
        new CheckpointStore(run, 2).list());
    List<String> log = Files.readAllLines(run.resolve(Trainer.LOG), StandardCharsets.UTF_8);
    assertEquals(200, log.size());
    for (int i = 0; i < log.size(); i++) {
      assertEquals(i + 1, JsonParser.parseString(log.get(i)).getAsJsonObject().get("step").getAsLong());
    }
    var first = JsonParser.parseString(log.get(0)).getAsJsonObject();
    assertEquals(0.0, first.get("lr").getAsDouble(), "warm-up: the first update has learning rate 0");
    assertEquals(0.0, first.get("ema_decay").getAsDouble(), "EMAModel: decay 0 at the first step");
    assertEquals(2e-4, JsonParser.parseString(log.get(199)).getAsJsonObject().get("lr").getAsDouble(), 1e-12);
  }

  @Test
  void stopRequestSavesTheCurrentStep() {
    Path run = dir.resolve("stopped");
    StopSignal stop = StopSignal.manual();
    try (Trainer t = Trainer.start(init, data, config(200), run)) {
      long done = t.run(stop, r -> {
        if (r.step() == 7) {
          stop.request();
        }
      });
      assertEquals(7, done);
    }
    assertEquals(List.of(run.resolve("checkpoint-7")), new CheckpointStore(run, 2).list());
    assertTrue(Files.isRegularFile(run.resolve("checkpoint-7/raw/diffusion_pytorch_model.safetensors")));
    assertTrue(Files.isRegularFile(run.resolve("checkpoint-7/optimizer.safetensors")));
  }

  @Test
  void previewGridIsAnImageOfTheSampleCount() throws IOException {
    try (Trainer t = Trainer.start(init, data, config(1), dir.resolve("preview"))) {
      Path png = t.writePreview();
      var image = javax.imageio.ImageIO.read(png.toFile());
      // 4 samples of 8x8 in a 2x2 grid with padding
      assertTrue(image.getWidth() >= 16 && image.getHeight() >= 16, image.getWidth() + "x" + image.getHeight());
    }
  }

  @Test
  void refusesToStartOverCheckpointsAndToResumeACompleteRun() {
    Path run = dir.resolve("complete");
    try (Trainer t = Trainer.start(init, data, config(3), run)) {
      t.run(StopSignal.manual(), r -> { });
    }
    IllegalArgumentException again =
        assertThrows(IllegalArgumentException.class, () -> Trainer.start(init, data, config(3), run));
    assertTrue(again.getMessage().contains("already holds checkpoints"), again.getMessage());
    IllegalArgumentException done = assertThrows(IllegalArgumentException.class, () -> Trainer.resume(run, c -> c));
    assertTrue(done.getMessage().contains("the run is complete (3 of 3 steps)"), done.getMessage());
  }

  @Test
  void aRunThatDivergesStopsNamingTheStepWithoutUpdating() {
    // Adam moves every weight by about lr per step whatever the gradient: lr 1e35 overflows float32 at once
    TrainConfig huge = new TrainConfig(5, 4, 7, new AdamConfig(1e35, 0.9, 0.999, 1e-8, 0), 0, 1.0, EmaConfig.DEFAULT,
        0, 1, 0, 2, 4, false);
    try (Trainer t = Trainer.start(init, data, huge, dir.resolve("diverged"))) {
      StepResult first = t.trainStep();
      assertTrue(Double.isFinite(first.loss()));
      Map<String, float[]> before = copy(t.model().parameters());
      IllegalStateException e = assertThrows(IllegalStateException.class, t::trainStep);
      assertTrue(e.getMessage().startsWith("training diverged at step 2: loss "), e.getMessage());
      assertTrue(e.getMessage().contains(", gradient norm "), e.getMessage());
      assertEquals(1, t.step(), "the step counter did not move");
      Map<String, float[]> after = copy(t.model().parameters());
      before.forEach((k, w) -> assertArrayEquals(w, after.get(k), "the failed step left " + k + " unchanged"));
    }
  }

  @Test
  void dataThatDoesNotFitTheModelIsNamed() {
    DatasetConfig wrong = new DatasetConfig(DatasetKind.FASHION_MNIST, data.path(), Split.TRAIN, 8, 3);
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> Trainer.start(init, wrong, config(3), dir.resolve("wrong")));
    assertTrue(e.getMessage().contains("channel"), e.getMessage());
  }
}
