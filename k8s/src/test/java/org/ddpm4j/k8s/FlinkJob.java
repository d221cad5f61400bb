package org.ddpm4j.k8s;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A rendered FlinkDeployment (flink.apache.org/v1beta1), read through the fields the tests need.
 *
 * @param object the parsed YAML
 */
record FlinkJob(Map<String, Object> object) {
  /** metadata.name. */
  String name() {
    return (String) map(object, "metadata").get("name");
  }

  /** spec.image. */
  String image() {
    return (String) spec().get("image");
  }

  /** spec.flinkVersion. */
  String flinkVersion() {
    return (String) spec().get("flinkVersion");
  }

  /** spec.flinkConfiguration, every value as the string Flink parses. */
  Map<String, String> configuration() {
    Map<String, Object> conf = map(spec(), "flinkConfiguration");
    return conf.entrySet().stream().collect(Collectors.toMap(
        Map.Entry::getKey, e -> String.valueOf(e.getValue())));
  }

  /** spec.job.jarURI. */
  String jarUri() {
    return (String) job().get("jarURI");
  }

  /** spec.job.entryClass. */
  String entryClass() {
    return (String) job().get("entryClass");
  }

  /** spec.job.args. */
  List<String> args() {
    Object args = job().get("args");
    return args == null ? List.of() : ((List<?>) args).stream().map(String::valueOf).toList();
  }

  /** The value that follows {@code option} in the job arguments, if the option is there. */
  Optional<String> arg(String option) {
    List<String> args = args();
    int i = args.indexOf(option);
    return i < 0 || i + 1 >= args.size() ? Optional.empty() : Optional.of(args.get(i + 1));
  }

  /** spec.job.parallelism. */
  int parallelism() {
    return ((Number) job().get("parallelism")).intValue();
  }

  /** spec.job.upgradeMode. */
  String upgradeMode() {
    return (String) job().get("upgradeMode");
  }

  /** spec.job.state: running (the default) or suspended. */
  String state() {
    return (String) job().getOrDefault("state", "running");
  }

  /** spec.taskManager.resource.cpu. */
  double taskManagerCpu() {
    return ((Number) map(map(spec(), "taskManager"), "resource").get("cpu")).doubleValue();
  }

  /** spec.podTemplate, the template of every JobManager and TaskManager pod. */
  Pod podTemplate() {
    return RenderedOverlay.as(spec().get("podTemplate"), Pod.class);
  }

  private Map<String, Object> spec() {
    return map(object, "spec");
  }

  private Map<String, Object> job() {
    return map(spec(), "job");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (!(value instanceof Map)) {
      throw new AssertionError("FlinkDeployment " + object.get("metadata") + " has no object at " + key);
    }
    return (Map<String, Object>) value;
  }
}
