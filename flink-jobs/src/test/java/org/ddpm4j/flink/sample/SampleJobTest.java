package org.ddpm4j.flink.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.ddpm4j.flink.JobFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The job's guarantees, checked with a deterministic fake generator on a MiniCluster with 4 slots. */
class SampleJobTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  /** 50 samples in batches of 8: seven batches, the last one of 2. */
  private static final int N = 50;
  private static final int B = 8;
  private static final FakeGeneratorFactory FAKE = new FakeGeneratorFactory(7, new ImageShape(8, 8, 3));

  @TempDir Path tmp;

  private static SampleJobSettings settings(Path out, int parallelism, boolean resume, int restarts) {
    return new SampleJobSettings(N, B, parallelism, out, OutputFormat.PNG, resume, restarts);
  }

  @Test
  void writesEveryIndexOnceWithTheGeneratorsPixelsAndThenTheManifest() throws IOException {
    Path out = tmp.resolve("out");
    SampleJobResult result = SampleJob.run(settings(out, 2, false, 0), FAKE);

    assertEquals(N, result.count());
    assertEquals(N, result.generated());
    assertEquals(0, result.skipped());
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(out.resolve("samples"))) {
      s.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
    }
    List<String> expected = LongStream.range(0, N).mapToObj(i -> String.format("%02d.png", i)).toList();
    assertEquals(expected, names);
    for (long i : new long[] {0, 17, 49}) {
      BufferedImage png = ImageIO.read(out.resolve("samples").resolve(String.format("%02d.png", i)).toFile());
      byte[] want = FAKE.batch(new long[] {i}).images().nhwc();
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x < 8; x++) {
          int rgb = png.getRGB(x, y);
          int at = (y * 8 + x) * 3;
          assertEquals(want[at] & 0xFF, (rgb >> 16) & 0xFF, "R of sample " + i);
          assertEquals(want[at + 1] & 0xFF, (rgb >> 8) & 0xFF, "G of sample " + i);
          assertEquals(want[at + 2] & 0xFF, rgb & 0xFF, "B of sample " + i);
        }
      }
    }
    JsonObject manifest = JsonParser.parseString(Files.readString(out.resolve("manifest.json"))).getAsJsonObject();
    assertEquals("complete", manifest.get("status").getAsString());
    assertEquals(N, manifest.get("count").getAsInt());
    assertEquals(B, manifest.get("batchSize").getAsInt());
    assertEquals(7, manifest.getAsJsonObject("generator").get("seed").getAsLong());
    assertEquals(2, manifest.get("parallelism").getAsInt());
    assertTrue(manifest.get("wallTimeSeconds").getAsDouble() > 0);
    assertTrue(manifest.get("samplesPerSecond").getAsDouble() > 0);
  }

  @Test
  void sameFilesAtParallelism1And2And4() {
    Map<String, byte[]> p1 = run(1);
    assertEquals(N, p1.size());
    OutputFiles.assertSameFiles(p1, run(2));
    OutputFiles.assertSameFiles(p1, run(4));
  }

  private Map<String, byte[]> run(int parallelism) {
    Path out = tmp.resolve("p" + parallelism);
    SampleJob.run(settings(out, parallelism, false, 0), FAKE);
    return OutputFiles.samples(out);
  }

  @Test
  void restartsAfterAnInjectedFailureAndEndsWithExactlyTheCleanRunsFiles() {
    Path clean = tmp.resolve("clean");
    SampleJob.run(settings(clean, 2, false, 0), FAKE);
    Path out = tmp.resolve("failed-once");
    String key = "restart-" + System.nanoTime();

    SampleJob.run(settings(out, 2, false, 2), new FailingGeneratorFactory(FAKE, B, key));

    assertTrue(FailingGeneratorFactory.fired(key), "the failure was injected");
    OutputFiles.assertSameFiles(OutputFiles.samples(clean), OutputFiles.samples(out));
    assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
  }

  @Test
  void aFailureWithoutRestartsFailsTheJobWithItsMessageAndNoManifest() {
    Path out = tmp.resolve("out");
    String key = "norestart-" + System.nanoTime();
    JobFailedException e = assertThrows(JobFailedException.class,
        () -> SampleJob.run(settings(out, 2, false, 0), new FailingGeneratorFactory(FAKE, B, key)));
    assertTrue(e.getMessage().contains(FailingGeneratorFactory.MESSAGE + " in subtask "), e.getMessage());
    assertFalse(Files.exists(out.resolve("manifest.json")));
  }

  @Test
  void resumeGeneratesOnlyTheIncompleteBatchesAndRestoresTheSameFiles() throws IOException {
    Path out = tmp.resolve("out");
    SampleJob.run(settings(out, 2, false, 0), FAKE);
    Map<String, byte[]> complete = OutputFiles.samples(out);
    // batch 1 loses one file, batch 6 (48, 49) both; an interrupted write left a temporary file
    Files.delete(out.resolve("samples/09.png"));
    Files.delete(out.resolve("samples/48.png"));
    Files.delete(out.resolve("samples/49.png"));
    Files.delete(out.resolve("manifest.json"));
    Path stale = Files.writeString(out.resolve("samples/.12.png.123.tmp"), "partial");
    String key = "resume-" + System.nanoTime();

    SampleJobResult result =
        SampleJob.run(settings(out, 2, true, 0), new RecordingGeneratorFactory(FAKE, key));

    assertEquals(N - B - 2, result.skipped());
    assertEquals(B + 2, result.generated());
    Set<Long> expected = new HashSet<>();
    LongStream.range(B, 2 * B).forEach(expected::add);
    expected.add(48L);
    expected.add(49L);
    assertEquals(expected, RecordingGeneratorFactory.generated(key));
    assertFalse(Files.exists(stale));
    OutputFiles.assertSameFiles(complete, OutputFiles.samples(out));
    assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
  }

  @Test
  void resumeRefusesAFolderWrittenWithOtherSettings() {
    Path out = tmp.resolve("out");
    SampleJob.run(settings(out, 1, false, 0), FAKE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SampleJob.run(settings(out, 1, true, 0), new FakeGeneratorFactory(8, new ImageShape(8, 8, 3))));
    assertTrue(e.getMessage().contains("generator.seed: 7 -> 8"), e.getMessage());
  }

  @Test
  void refusesANonEmptyFolderWithoutResume() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SampleJob.run(settings(out, 1, false, 0), FAKE));
    assertTrue(e.getMessage().contains("is not empty"), e.getMessage());
    assertEquals(List.of("notes.txt"), list(out));
  }

  @Test
  void resumeRefusesAFolderWithoutJobFile() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SampleJob.run(settings(out, 1, true, 0), FAKE));
    assertTrue(e.getMessage().contains("has no job.json"), e.getMessage());
  }

  @Test
  void refusesAnOutputPathThatIsAFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("out.png"), "x");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SampleJob.run(settings(file, 1, false, 0), FAKE));
    assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
  }

  @Test
  void aWriteThatFailsDuringTheJobFailsItNamingTheFileAndLeavesNoManifest() throws IOException {
    Path out = tmp.resolve("out");
    SampleJob.run(settings(out, 2, false, 0), FAKE);
    Files.delete(out.resolve("manifest.json"));
    Files.delete(out.resolve("samples/03.png"));
    // a non-empty folder where the PNG must go: the rename onto it fails, even for root
    Files.createDirectories(out.resolve("samples/03.png/blocker"));

    JobFailedException e =
        assertThrows(JobFailedException.class, () -> SampleJob.run(settings(out, 2, true, 0), FAKE));

    assertTrue(e.getMessage().contains(out.resolve("samples/03.png") + ": cannot write"), e.getMessage());
    assertFalse(Files.exists(out.resolve("manifest.json")));
    try (Stream<Path> s = Files.list(out.resolve("samples"))) {
      assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
    }
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void npzShardsHoldEachBatchWithItsIndicesNextToThePngs() throws IOException {
    Path out = tmp.resolve("both");
    SampleJob.run(new SampleJobSettings(N, B, 2, out, OutputFormat.BOTH, false, 0), FAKE);

    assertEquals(List.of("00-07.npz", "08-15.npz", "16-23.npz", "24-31.npz", "32-39.npz", "40-47.npz", "48-49.npz"),
        list(out.resolve("npz")));
    assertEquals(N, list(out.resolve("samples")).size());
    byte[] shard = Files.readAllBytes(out.resolve("npz/48-49.npz"));
    java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
    SampleBatch last = FAKE.batch(new long[] {48, 49});
    NpzShard.write(expected, last.images(), last.indices());
    assertArrayEquals(expected.toByteArray(), shard);
  }

  @Test
  void theFakesImagesDependOnlyOnSeedAndIndex() {
    byte[] alone = FAKE.batch(new long[] {5}).images().nhwc();
    byte[] inBatch = FAKE.batch(new long[] {4, 5, 6}).images().nhwc();
    byte[] second = java.util.Arrays.copyOfRange(inBatch, alone.length, 2 * alone.length);
    assertArrayEquals(alone, second);
  }
}
