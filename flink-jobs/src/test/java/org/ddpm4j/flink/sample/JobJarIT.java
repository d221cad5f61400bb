package org.ddpm4j.flink.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.client.ClientUtils;
import org.apache.flink.client.deployment.executors.RemoteExecutor;
import org.apache.flink.client.program.PackagedProgram;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.DefaultExecutorServiceLoader;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged job jar as {@code flink run} submits it: its entry class runs in a user-code class loader against a
 * cluster reached over REST, with DJL on the cluster's class path loaded parent-first
 * ({@code classloader.parent-first-patterns.additional: ai.djl}). Runs in the integration-test phase, after the jar
 * is built (system property {@code job.jar}).
 */
class JobJarIT {
  private static Configuration clusterConfig() {
    Configuration conf = new Configuration();
    conf.set(CoreOptions.ALWAYS_PARENT_FIRST_LOADER_PATTERNS_ADDITIONAL, List.of("ai.djl"));
    return conf;
  }

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setConfiguration(clusterConfig()).setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @TempDir Path tmp;

  @Test
  void theJobJarRunsOnAClusterLikeFlinkRun() throws Exception {
    String jarPath = System.getProperty("job.jar");
    assumeTrue(jarPath != null, "runs in the integration-test phase, which sets job.jar");
    File jar = new File(jarPath);
    assertTrue(jar.isFile(), "build the job jar first: " + jar);
    Path out = tmp.resolve("out");
    Path model = TinyModel.copyTo(tmp.resolve("model"));
    Configuration conf = new Configuration(CLUSTER.getClientConfiguration());
    conf.addAll(clusterConfig());
    conf.set(DeploymentOptions.TARGET, RemoteExecutor.NAME);
    PackagedProgram program = PackagedProgram.newBuilder()
        .setJarFile(jar)
        .setConfiguration(conf)
        .setArguments("--model", model.toString(), "--n", "10", "--sampler", "ddim", "--steps", "2",
            "--batch-size", "4", "--parallelism", "2", "--out", out.toString())
        .build();

    ClientUtils.executeProgram(new DefaultExecutorServiceLoader(), conf, program, false, false);

    try (Stream<Path> s = Files.list(out.resolve("samples"))) {
      assertEquals(10, s.count());
    }
    assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
  }
}
