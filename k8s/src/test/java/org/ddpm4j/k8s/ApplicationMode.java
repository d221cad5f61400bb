package org.ddpm4j.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.client.program.PackagedProgram;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.util.TestStreamEnvironment;

/**
 * Runs a FlinkDeployment's job the way the Operator's application mode does, in this JVM: a MiniCluster with the
 * deployment's flinkConfiguration and one TaskManager per {@code spec.job.parallelism / slots}, the job jar loaded
 * by Flink's user-code class loader (child-first, with the configuration's parent-first patterns) and submitted with
 * its entry class and arguments. This JVM's class path plays the cluster class path (/opt/flink/lib): Flink, DJL
 * and libtorch, but not the job's classes, which come from the jar only.
 */
final class ApplicationMode {
  private static final Pattern SYSTEM_PROPERTY = Pattern.compile("-D([^=\\s]+)=(\\S*)");

  private ApplicationMode() {}

  /**
   * Runs the job to completion.
   *
   * @param job the rendered FlinkDeployment, whose configuration and parallelism are used
   * @param jobJar the jar its {@code jarURI} names, as the image holds it
   * @param args the job arguments (the deployment's, with paths moved to this machine)
   * @throws Exception whatever the job's main method throws (a failed job included)
   */
  static void run(FlinkJob job, Path jobJar, List<String> args) throws Exception {
    Configuration conf = Configuration.fromMap(job.configuration());
    applyJvmOptions(conf.get(CoreOptions.FLINK_JVM_OPTIONS));
    applyJvmOptions(conf.get(CoreOptions.FLINK_TM_JVM_OPTIONS));
    int slots = conf.get(TaskManagerOptions.NUM_TASK_SLOTS);
    int taskManagers = (job.parallelism() + slots - 1) / slots;
    MiniClusterConfiguration cluster = new MiniClusterConfiguration.Builder()
        .setConfiguration(conf)
        .setNumTaskManagers(taskManagers)
        .setNumSlotsPerTaskManager(slots)
        .withRandomPorts()
        .build();
    try (MiniCluster miniCluster = new MiniCluster(cluster)) {
      miniCluster.start();
      TestStreamEnvironment.setAsContext(miniCluster, job.parallelism(),
          List.of(new org.apache.flink.core.fs.Path(jobJar.toUri())), List.of());
      try (PackagedProgram program = PackagedProgram.newBuilder()
          .setJarFile(jobJar.toFile())
          .setEntryPointClassName(job.entryClass())
          .setArguments(args.toArray(String[]::new))
          .setConfiguration(conf)
          .build()) {
        program.invokeInteractiveModeForExecution();
      } finally {
        TestStreamEnvironment.unsetAsContext();
      }
    }
  }

  /** The {@code -Dkey=value} options of the Flink JVMs, set as system properties of this one JVM. */
  private static void applyJvmOptions(String options) {
    Matcher m = SYSTEM_PROPERTY.matcher(options);
    while (m.find()) {
      System.setProperty(m.group(1), m.group(2));
    }
  }
}
