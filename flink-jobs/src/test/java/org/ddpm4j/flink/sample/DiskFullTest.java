package org.ddpm4j.flink.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.ddpm4j.flink.JobFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: the output goes to a 256 KiB tmpfs. Needs permission to mount (root with CAP_SYS_ADMIN, as in
 * the CI container); skipped where mounting is not allowed.
 */
@EnabledOnOs(OS.LINUX)
class DiskFullTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

  private static final FakeGeneratorFactory FAKE = new FakeGeneratorFactory(1, new ImageShape(8, 8, 3));

  @TempDir Path tmp;
  private Path disk;

  @BeforeEach
  void mountSmallDisk() throws Exception {
    disk = Files.createDirectories(tmp.resolve("disk"));
    assumeTrue(exec("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.toString()) == 0,
        "cannot mount a tmpfs here");
  }

  @AfterEach
  void unmount() throws Exception {
    exec("umount", disk.toString());
  }

  private static int exec(String... command) throws IOException, InterruptedException {
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start().waitFor();
  }

  @Test
  void aDiskTooSmallForTheSamplesFailsBeforeTheJob() {
    Path out = disk.resolve("out");
    SampleJobSettings settings = new SampleJobSettings(200, 8, 1, out, OutputFormat.PNG, false, 0);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> SampleJob.run(settings, FAKE));
    assertTrue(e.getMessage().startsWith("--out " + out + ": not enough disk space"), e.getMessage());
    assertFalse(Files.exists(out.resolve("manifest.json")));
  }

  @Test
  void aDiskThatFillsUpDuringTheJobFailsItWithoutManifestOrPartialFiles() throws IOException {
    Path out = disk.resolve("out");
    SampleJobSettings settings = new SampleJobSettings(40, 8, 1, out, OutputFormat.PNG, false, 1);
    BatchGeneratorFactory filling = new DiskFillingGeneratorFactory(FAKE, disk.resolve("filler").toString());

    JobFailedException e = assertThrows(JobFailedException.class, () -> SampleJob.run(settings, filling));

    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertTrue(e.getMessage().contains(out.resolve("samples") + "/"), "names the file: " + e.getMessage());
    assertFalse(Files.exists(out.resolve("manifest.json")));
    try (Stream<Path> s = Files.list(out.resolve("samples"))) {
      assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
    }
  }
}
