package org.ddpm4j.flink.fid;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.ddpm4j.eval.FeatureStatistics;
import org.ddpm4j.eval.FrechetDistance;
import org.ddpm4j.eval.MeanCovariance;
import org.ddpm4j.eval.PngImages;
import org.ddpm4j.eval.TorchScriptInception;
import org.ddpm4j.eval.fmnist.FmnistClassifier;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.io.ImageShard;
import org.ddpm4j.io.NpyArray;
import org.ddpm4j.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * FidJob on a MiniCluster with the shipped Fashion-MNIST classifier: 40 test-set images written as PNGs (images
 * 100..139) against the first 40 images of the test split read from the IDX files, on a MiniCluster with 2 slots.
 */
class FidJobTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final int N = 40;
  private static final int FROM = 100;

  @TempDir Path tmp;

  private FidJobSettings settings(String samples, String reference, String out, int parallelism, boolean saveStats) {
    return new FidJobSettings(samples, reference, tmp.resolve(out), parallelism, 16, N, 10, 20, 0, saveStats, 0);
  }

  private static ExtractorFactory fmnist() {
    return ExtractorFactory.of("fmnist", FmnistFixture.CLASSIFIER);
  }

  @Test
  void fidFmnistEqualsTheInProcessValueAtParallelism1And2() throws IOException {
    Path pngs = FmnistFixture.pngs(Files.createDirectories(tmp.resolve("samples")), FROM, N);
    FeatureStatistics samples = FmnistFixture.statistics(FmnistFixture.batch(FROM, N));
    FeatureStatistics reference = FmnistFixture.statistics(FmnistFixture.batch(0, N));
    double expected = FrechetDistance.compute(samples.toMeanCovariance(), reference.toMeanCovariance(),
        FrechetDistance.Settings.defaults()).value();

    FidResult p1 = FidJob.run(settings(pngs.toString(), FmnistFixture.testSplit(), "p1", 1, true), fmnist());
    FidResult p2 = FidJob.run(settings(pngs.toString(), FmnistFixture.testSplit(), "p2", 2, false), fmnist());

    JsonObject report = read(tmp.resolve("p2/report.json"));
    String sha;
    try (FmnistClassifier c = FmnistClassifier.load(FmnistFixture.CLASSIFIER)) {
      sha = c.weightsSha256();
    }
    String shaInReport = sha;
    assertAll(
        () -> assertTrue(expected > 1, "two different image sets: " + expected),
        () -> assertEquals(expected, p1.fid().value(), 1e-9 * expected, "parallelism 1"),
        () -> assertEquals(expected, p2.fid().value(), 1e-9 * expected, "parallelism 2"),
        () -> assertEquals(p1.kid().mean(), p2.kid().mean(), 1e-12, "KID at parallelism 1 and 2"),
        () -> assertEquals(p1.kid().std(), p2.kid().std(), 1e-12, "KID std at parallelism 1 and 2"),
        () -> assertEquals(p1.is().mean(), p2.is().mean(), 1e-12, "IS at parallelism 1 and 2"),
        () -> assertEquals(p1.is().std(), p2.is().std(), 1e-12, "IS std at parallelism 1 and 2"),
        () -> assertTrue(p1.is().mean() > 1 && p1.is().mean() < 10, "IS of 10 classes: " + p1.is().mean()),
        () -> assertEquals("FID-FMNIST", report.get("metric").getAsString()),
        () -> assertEquals(p2.fid().value(), report.get("value").getAsDouble()),
        () -> assertEquals("KID-FMNIST", report.getAsJsonObject("kid").get("name").getAsString()),
        () -> assertEquals(p2.kid().mean(), report.getAsJsonObject("kid").get("mean").getAsDouble()),
        () -> assertEquals(10, report.getAsJsonObject("kid").get("subsets").getAsInt()),
        () -> assertEquals(20, report.getAsJsonObject("kid").get("subsetSize").getAsInt()),
        () -> assertEquals("IS-FMNIST", report.getAsJsonObject("is").get("name").getAsString()),
        () -> assertEquals(p2.is().std(), report.getAsJsonObject("is").get("std").getAsDouble()),
        () -> assertEquals(10, report.getAsJsonObject("is").get("splits").getAsInt()),
        () -> assertEquals(N, report.getAsJsonObject("n").get("samples").getAsInt()),
        () -> assertEquals(N, report.getAsJsonObject("n").get("reference").getAsInt()),
        () -> assertEquals("png-folder", report.getAsJsonObject("samples").get("kind").getAsString()),
        () -> assertEquals("fashion-mnist:test", report.getAsJsonObject("reference").get("kind").getAsString()),
        () -> assertEquals(shaInReport, report.getAsJsonObject("extractor").get("sha256").getAsString()),
        () -> assertEquals(FmnistClassifier.ID_PREFIX + sha,
            report.getAsJsonObject("extractor").get("id").getAsString()),
        () -> assertEquals(2, report.get("parallelism").getAsInt()),
        () -> assertTrue(report.get("wallTimeSeconds").getAsDouble() > 0),
        () -> assertArrayEquals(samples.toMeanCovariance(), MeanCovariance.read(tmp.resolve("p1/sample_stats.npz"))),
        () -> assertFalse(Files.exists(tmp.resolve("p2/sample_stats.npz")), "written only with saveStats"));
  }

  @Test
  void npzShardsOfARunFolderGiveTheSameFidAsInProcess() {
    Path npz = tmp.resolve("run/npz");
    Uint8Images all = FmnistFixture.testImages();
    int[] bounds = {0, 15, 30, N};
    for (int k = 0; k < 3; k++) {
      int n = bounds[k + 1] - bounds[k];
      byte[] pixels = Arrays.copyOfRange(all.nhwc(), (FROM + bounds[k]) * 784, (FROM + bounds[k + 1]) * 784);
      long[] indices = LongStream.range(bounds[k], bounds[k + 1]).toArray();
      Path file = npz.resolve(String.format("%02d-%02d.npz", bounds[k], bounds[k + 1] - 1));
      if (k == 1) {
        new ImageShard(n, 28, 28, 1, pixels, indices).write(file);
      } else {
        Npz.write(file, new LinkedHashMap<>(Map.of(NpzShards.ARR_0,
            NpyArray.ofUnsignedBytes(new long[] {n, 28, 28, 1}, pixels),
            ImageShard.INDICES, NpyArray.ofLongs(new long[] {n}, indices))));
      }
    }
    FeatureStatistics samples = FmnistFixture.statistics(FmnistFixture.batch(FROM, N));
    FeatureStatistics reference = FmnistFixture.statistics(FmnistFixture.batch(0, N));
    double expected = FrechetDistance.compute(samples.toMeanCovariance(), reference.toMeanCovariance(),
        FrechetDistance.Settings.defaults()).value();
    FidResult r = FidJob.run(settings(tmp.resolve("run").toString(), FmnistFixture.testSplit(), "npz", 2, false),
        fmnist());
    assertAll(
        () -> assertEquals(expected, r.fid().value(), 1e-9 * expected),
        () -> assertEquals(N, r.samples()));
  }

  @Test
  void aSetAgainstItselfHasFidZero() throws IOException {
    Path pngs = FmnistFixture.pngs(Files.createDirectories(tmp.resolve("samples")), FROM, N);
    FidResult r = FidJob.run(settings(pngs.toString(), pngs.toString(), "self", 2, false), fmnist());
    double scale = r.fid().trace1();
    assertAll(
        () -> assertEquals(0, r.fid().value(), 1e-6 * scale, "FID-FMNIST of a set against itself"),
        () -> assertEquals(0, r.fid().meanTerm(), 0));
  }

  @Test
  void referenceStatisticsGiveTheSameFidWithoutKid() throws IOException {
    Path pngs = FmnistFixture.pngs(Files.createDirectories(tmp.resolve("samples")), FROM, N);
    FidResult images = FidJob.run(settings(pngs.toString(), FmnistFixture.testSplit(), "images", 1, true),
        fmnist());
    Path stats = tmp.resolve("images/sample_stats.npz");
    FidResult fromStats = FidJob.run(settings(FmnistFixture.testSplit(), stats.toString(), "stats", 1, false),
        fmnist());
    JsonObject report = read(tmp.resolve("stats/report.json"));
    assertAll(
        () -> assertEquals(images.fid().value(), fromStats.fid().value(), 1e-9 * images.fid().value()),
        () -> assertNull(fromStats.kid()),
        () -> assertTrue(report.getAsJsonObject("kid").get("omitted").getAsString().contains("statistics only"),
            report.toString()),
        () -> assertNotNull(fromStats.is(), "the samples are images: IS is computed"),
        () -> assertEquals("statistics", report.getAsJsonObject("reference").get("kind").getAsString()),
        () -> assertEquals(0, report.getAsJsonObject("n").get("reference").getAsInt()));
  }

  @Test
  void inceptionConventionGivesFidWithGrayReplicatedToRgb() throws IOException {
    Path golden = Path.of(System.getProperty("golden.dir", "../../shared/golden")).resolve("metrics");
    Path gray = Files.createDirectories(tmp.resolve("gray"));
    Path rgb = Files.createDirectories(tmp.resolve("rgb"));
    for (int i = 0; i < 8; i++) {
      Files.copy(golden.resolve("images/gray28_" + i + ".png"), gray.resolve("gray28_" + i + ".png"));
      Files.copy(golden.resolve("images/rgb32_" + i + ".png"), rgb.resolve("rgb32_" + i + ".png"));
    }
    Path pt = golden.resolve("tiny_feature_extractor.pt");
    MeanCovariance[] expected = new MeanCovariance[2];
    try (TorchScriptInception net = TorchScriptInception.load(TorchScriptInception.Config.of(pt))) {
      int k = 0;
      for (Path dir : new Path[] {gray, rgb}) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
          files = list.sorted().toList();
        }
        expected[k++] = new FeatureStatistics(net.featureDim()).add(net.features(PngImages.readRgb(files)))
            .toMeanCovariance();
      }
    }
    double fid = FrechetDistance.compute(expected[0], expected[1], FrechetDistance.Settings.defaults()).value();
    FidResult r = FidJob.run(new FidJobSettings(gray.toString(), rgb.toString(), tmp.resolve("out"), 2, 3, 0, 4, 8,
        0, false, 0), ExtractorFactory.of("inception", pt));
    JsonObject report = read(tmp.resolve("out/report.json"));
    assertAll(
        () -> assertEquals(fid, r.fid().value(), 1e-9 * fid),
        () -> assertEquals("FID", report.get("metric").getAsString()),
        () -> assertEquals("KID", report.getAsJsonObject("kid").get("name").getAsString()),
        () -> assertEquals(8, report.getAsJsonObject("kid").get("subsetSize").getAsInt()),
        () -> assertEquals("IS with 10 splits needs at least 10 samples, got 8",
            report.getAsJsonObject("is").get("omitted").getAsString()),
        () -> assertTrue(report.getAsJsonObject("extractor").get("id").getAsString()
            .startsWith("torchscript:tiny_feature_extractor.pt@sha256:")));
  }

  private static void assertArrayEquals(MeanCovariance expected, MeanCovariance actual) {
    org.junit.jupiter.api.Assertions.assertArrayEquals(expected.mu(), actual.mu(), 1e-9);
    org.junit.jupiter.api.Assertions.assertArrayEquals(expected.sigma(), actual.sigma(), 1e-9);
  }

  static JsonObject read(Path file) throws IOException {
    return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
  }
}
