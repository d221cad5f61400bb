package org.ddpm4j.k8s;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalResourceOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The flinkConfiguration of every rendered FlinkDeployment, judged by the Flink version the jobs are built on. */
class FlinkConfigurationTest {
  private static final Pattern THREADS = Pattern.compile("-Dai\\.djl\\.pytorch\\.num_threads=(\\d+)");

  static List<String> overlays() {
    return K8sFolder.overlays();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyKeyIsAnOptionOfThisFlinkVersion(String overlay) {
    for (FlinkJob job : RenderedOverlay.of(overlay).flinkJobs()) {
      Map<String, String> conf = job.configuration();
      List<String> allowed = new ArrayList<>(FlinkOptions.byKey().keySet());
      Configuration parsed = Configuration.fromMap(conf);
      for (String resource : parsed.get(ExternalResourceOptions.EXTERNAL_RESOURCE_LIST)) {
        allowed.addAll(FlinkOptions.externalResourceKeys(resource));
      }
      List<String> unknown = conf.keySet().stream().filter(k -> !allowed.contains(k)).sorted().toList();
      assertEquals(List.of(), unknown,
          overlay + " " + job.name() + ": keys Flink " + flinkVersion() + " does not have");
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyValueParsesAsItsOptionsType(String overlay) {
    for (FlinkJob job : RenderedOverlay.of(overlay).flinkJobs()) {
      Configuration parsed = Configuration.fromMap(job.configuration());
      for (String key : job.configuration().keySet()) {
        ConfigOption<?> option = FlinkOptions.byKey().get(key);
        if (option != null) {
          assertDoesNotThrow(() -> parsed.get(option), overlay + " " + job.name() + ": " + key);
        }
      }
      for (String resource : parsed.get(ExternalResourceOptions.EXTERNAL_RESOURCE_LIST)) {
        String amount = job.configuration().get(ExternalResourceOptions.getAmountConfigOptionForResource(resource));
        assertTrue(amount != null && Long.parseLong(amount) > 0, job.name() + ": amount of " + resource);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyJobRunsInBatchModeWithDjlParentFirstAndOffline(String overlay) {
    for (FlinkJob job : RenderedOverlay.of(overlay).flinkJobs()) {
      Configuration conf = Configuration.fromMap(job.configuration());
      assertAll(overlay + " " + job.name(),
          () -> assertEquals(RuntimeExecutionMode.BATCH, conf.get(ExecutionOptions.RUNTIME_MODE)),
          () -> assertTrue(List.of(CoreOptions.getParentFirstLoaderPatterns(conf)).contains("ai.djl"),
              "ai.djl must load parent-first (DJL is on the cluster classpath, libtorch once per JVM)"),
          () -> assertTrue(conf.get(CoreOptions.FLINK_JVM_OPTIONS).contains("-Dai.djl.offline=true"),
              "DJL must run offline in every Flink JVM"));
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void libtorchUsesTheTaskManagersCpusWithOneSlotEach(String overlay) {
    for (FlinkJob job : RenderedOverlay.of(overlay).flinkJobs()) {
      Configuration conf = Configuration.fromMap(job.configuration());
      Matcher threads = THREADS.matcher(conf.get(CoreOptions.FLINK_TM_JVM_OPTIONS));
      assertTrue(threads.find(), job.name() + ": env.java.opts.taskmanager sets no ai.djl.pytorch.num_threads");
      assertAll(overlay + " " + job.name(),
          () -> assertEquals(1, conf.get(TaskManagerOptions.NUM_TASK_SLOTS), "slots per TaskManager"),
          () -> assertEquals(job.taskManagerCpu(), Double.parseDouble(threads.group(1)), "threads = CPUs"));
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void flinkVersionIsOneTheOperatorKnowsForThisFlinkMajorVersion(String overlay) {
    String[] built = flinkVersion().split("\\.");
    for (FlinkJob job : RenderedOverlay.of(overlay).flinkJobs()) {
      Matcher v = Pattern.compile("v(\\d+)_(\\d+)").matcher(job.flinkVersion());
      assertTrue(v.matches(), job.flinkVersion());
      assertAll(overlay + " " + job.name() + " " + job.flinkVersion() + " for Flink " + flinkVersion(),
          () -> assertEquals(built[0], v.group(1), "major version"),
          () -> assertTrue(Integer.parseInt(v.group(2)) <= Integer.parseInt(built[1]), "minor version"));
    }
  }

  private static String flinkVersion() {
    return System.getProperty("flink.version", org.apache.flink.runtime.util.EnvironmentInformation.getVersion());
  }
}
