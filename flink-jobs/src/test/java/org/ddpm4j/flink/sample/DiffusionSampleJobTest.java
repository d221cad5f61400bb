package org.ddpm4j.flink.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.ddpm4j.image.ImageConversion;
import org.ddpm4j.image.PngReader;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.noise.NoiseSource;
import org.ddpm4j.sampler.Sampler;
import org.ddpm4j.sampler.SamplerFactory;
import org.ddpm4j.sampler.SamplerKind;
import org.ddpm4j.sampler.SamplerSettings;
import org.ddpm4j.sampler.SamplingLoop;
import org.ddpm4j.sampler.StepCallback;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.unet.UNet2DModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job with the real model-core generator on the tiny golden U-Net (16x16 RGB), DDIM with eta 1 (so every step
 * draws seeded noise) and 3 steps, one intra-op thread per subtask.
 */
class DiffusionSampleJobTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  private static final long SEED = 11;
  private static final int N = 24;
  private static final SamplerSettings DDIM = new SamplerSettings(SamplerKind.DDIM, 3, 1.0);

  @TempDir static Path shared;
  private static Path model;
  @TempDir Path tmp;

  @BeforeAll
  static void copyModel() {
    model = TinyModel.copyTo(shared.resolve("unet_tiny"));
  }

  private static DiffusionGeneratorFactory factory() {
    return new DiffusionGeneratorFactory(model.toString(), SEED, "ddim", DDIM.steps(), DDIM.eta(), 1);
  }

  private static SampleJobSettings settings(Path out, int n, int batch, int parallelism, int restarts) {
    return new SampleJobSettings(n, batch, parallelism, out, OutputFormat.BOTH, false, restarts);
  }

  /** The same batches sampled in this thread straight through model-core, without Flink or the generator class. */
  private static Uint8Images reference(long[] indices) throws IOException {
    JniUtils.setNumThreads(1);
    SchedulerConfig scheduler = SchedulerConfig.read(model.resolve("scheduler_config.json"));
    try (UNet2DModel unet = UNet2DModel.load(model);
        NDManager manager = NDManager.newBaseManager();
        Sampler sampler = SamplerFactory.create(DDIM, scheduler)) {
      NDArray x0 = new SamplingLoop(unet, sampler)
          .sample(new NoiseSource(SEED), indices, new Shape(3, 16, 16), manager, StepCallback.NONE);
      return ImageConversion.toUint8(x0);
    }
  }

  @Test
  void theBytesAreTheSameAtParallelism1And2And4AndEqualAPlainModelCoreLoop() throws IOException {
    Map<String, byte[]> p1 = run(tmp.resolve("p1"), 1);
    assertEquals(N + N / 8, p1.size(), "24 PNGs and 3 shards");
    OutputFiles.assertSameFiles(p1, run(tmp.resolve("p2"), 2));
    OutputFiles.assertSameFiles(p1, run(tmp.resolve("p4"), 4));

    long[] batch1 = {8, 9, 10, 11, 12, 13, 14, 15};
    Uint8Images expected = reference(batch1);
    for (int i = 0; i < batch1.length; i++) {
      Uint8Images png = PngReader.read(tmp.resolve("p2/samples").resolve(String.format("%02d.png", batch1[i])));
      assertArrayEquals(expected.sample(i), png.nhwc(), "sample " + batch1[i]);
    }
  }

  private Map<String, byte[]> run(Path out, int parallelism) {
    SampleJob.run(settings(out, N, 8, parallelism, 0), factory());
    return OutputFiles.samples(out);
  }

  @Test
  void batchSizes1And8And32AgreeWithinTheSeedTolerance() {
    int n = 32;
    byte[][] images = new byte[3][];
    int[] sizes = {1, 8, 32};
    for (int s = 0; s < sizes.length; s++) {
      Path out = tmp.resolve("b" + sizes[s]);
      SampleJob.run(new SampleJobSettings(n, sizes[s], 2, out, OutputFormat.PNG, false, 0), factory());
      images[s] = new byte[n * 16 * 16 * 3];
      for (int i = 0; i < n; i++) {
        byte[] png = PngReader.read(out.resolve("samples").resolve(String.format("%02d.png", i))).nhwc();
        System.arraycopy(png, 0, images[s], i * png.length, png.length);
      }
    }
    for (int s = 1; s < sizes.length; s++) {
      int max = 0;
      int differing = 0;
      for (int i = 0; i < images[0].length; i++) {
        int d = Math.abs((images[0][i] & 0xFF) - (images[s][i] & 0xFF));
        max = Math.max(max, d);
        differing += d != 0 ? 1 : 0;
      }
      double share = differing / (double) images[0].length;
      System.out.printf(Locale.ROOT, "batch size 1 vs %d: largest uint8 difference %d, %d of %d values differ "
          + "(%.4f%%)%n", sizes[s], max, differing, images[0].length, 100 * share);
      assertTrue(max <= 2, "largest difference " + max);
      assertTrue(share < 0.01, "share of differing values " + share);
    }
  }

  @Test
  void aRestartedRunAndAResumedRunAreByteIdenticalToACleanRun() throws IOException {
    Path clean = tmp.resolve("clean");
    Map<String, byte[]> expected = run(clean, 2);
    Path restarted = tmp.resolve("restarted");
    String key = "real-" + System.nanoTime();

    SampleJob.run(settings(restarted, N, 8, 2, 2), new FailingGeneratorFactory(factory(), 8, key));

    assertTrue(FailingGeneratorFactory.fired(key));
    OutputFiles.assertSameFiles(expected, OutputFiles.samples(restarted));

    Files.delete(restarted.resolve("samples/05.png"));
    Files.delete(restarted.resolve("npz/16-23.npz"));
    Files.delete(restarted.resolve("manifest.json"));
    SampleJobResult resumed =
        SampleJob.run(new SampleJobSettings(N, 8, 2, restarted, OutputFormat.BOTH, true, 0), factory());
    assertEquals(8, resumed.skipped());
    OutputFiles.assertSameFiles(expected, OutputFiles.samples(restarted));
  }

  @Test
  void theManifestRecordsModelHashSamplerSeedAndCounts() throws IOException {
    Path out = tmp.resolve("m");
    SampleJob.run(settings(out, 8, 8, 1, 0), factory());
    JsonObject m = JsonParser.parseString(Files.readString(out.resolve("manifest.json"))).getAsJsonObject();
    assertEquals(ModelFolderHash.sha256(model), m.getAsJsonObject("generator").getAsJsonObject("model")
        .get("sha256").getAsString());
    assertEquals(JsonParser.parseString("{\"kind\":\"ddim\",\"steps\":3,\"eta\":1.0}"),
        m.getAsJsonObject("generator").get("sampler"));
    assertEquals(SEED, m.getAsJsonObject("generator").get("seed").getAsLong());
    assertEquals(8, m.get("count").getAsInt());
    assertEquals(8, m.get("generated").getAsInt());
    assertEquals(model.toString(), m.get("modelSource").getAsString());
    assertTrue(Arrays.asList("png", "npz", "both").contains(m.get("format").getAsString()));
  }
}
