package org.ddpm4j.k8s;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The structure of every rendered overlay: what a cluster would only reveal at run time. */
class ManifestStructureTest {
  private static final String GPU = "nvidia.com/gpu";

  static List<String> overlays() {
    return K8sFolder.overlays();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyDeploymentProbesTheQuarkusHealthEndpoints(String overlay) {
    List<Deployment> deployments = RenderedOverlay.of(overlay).ofKind("Deployment", Deployment.class);
    assertFalse(deployments.isEmpty(), overlay + " renders no Deployment");
    for (Deployment d : deployments) {
      for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
        String where = overlay + " " + d.getMetadata().getName() + "/" + c.getName();
        Set<String> ports = c.getPorts().stream().map(p -> p.getName()).collect(Collectors.toSet());
        assertAll(where,
            () -> assertHttpProbe(where + " readiness", c.getReadinessProbe(), "/q/health/ready", ports),
            () -> assertHttpProbe(where + " liveness", c.getLivenessProbe(), "/q/health/live", ports),
            () -> assertHttpProbe(where + " startup", c.getStartupProbe(), "/q/health/started", ports));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyDeploymentRunsAsNonRootOnAReadOnlyRootFilesystemWithinLimits(String overlay) {
    for (Deployment d : RenderedOverlay.of(overlay).ofKind("Deployment", Deployment.class)) {
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      String name = overlay + " " + d.getMetadata().getName();
      assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), name + ": runAsNonRoot");
      assertTrue(pod.getSecurityContext().getRunAsUser() > 0, name + ": runAsUser must be a non-root uid");
      Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
      for (Container c : pod.getContainers()) {
        String where = name + "/" + c.getName();
        assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), where + ": read-only root");
        assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), where + ": escalation");
        assertTrue(c.getSecurityContext().getCapabilities().getDrop().contains("ALL"), where + ": capabilities");
        assertAll(where + " resources",
            () -> assertNotNull(c.getResources().getRequests().get("cpu"), "cpu request"),
            () -> assertNotNull(c.getResources().getRequests().get("memory"), "memory request"),
            () -> assertNotNull(c.getResources().getLimits().get("memory"), "memory limit"));
        // with a read-only root, the writable paths are exactly the writable emptyDir mounts: /tmp among them
        List<String> writable = c.getVolumeMounts().stream().filter(m -> !Boolean.TRUE.equals(m.getReadOnly()))
            .peek(m -> assertNotNull(volumes.get(m.getName()).getEmptyDir(),
                where + ": writable mount " + m.getMountPath() + " must be an emptyDir"))
            .map(VolumeMount::getMountPath).toList();
        assertTrue(writable.contains("/tmp"), where + ": /tmp must be a writable emptyDir, got " + writable);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void gatewaySettingsAreMountedWhereQuarkusReadsThem(String overlay) {
    RenderedOverlay rendered = RenderedOverlay.of(overlay);
    PodSpec pod = rendered.named("Deployment", "ddpm4j-gateway", Deployment.class).getSpec().getTemplate().getSpec();
    Volume config = pod.getVolumes().stream().filter(v -> v.getConfigMap() != null).findFirst()
        .orElseThrow(() -> new AssertionError(overlay + ": the gateway mounts no ConfigMap"));
    ConfigMap map = rendered.named("ConfigMap", config.getConfigMap().getName(), ConfigMap.class);
    assertTrue(map.getData().containsKey("application.properties"), overlay + ": " + map.getData().keySet());
    VolumeMount mount = pod.getContainers().get(0).getVolumeMounts().stream()
        .filter(m -> m.getName().equals(config.getName())).findFirst().orElseThrow();
    // Quarkus reads config/application.properties in its working directory, /deployments in the gateway image
    assertEquals("/deployments/config", mount.getMountPath());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void serviceAutoscalerAndDisruptionBudgetTargetTheGatewayPods(String overlay) {
    RenderedOverlay rendered = RenderedOverlay.of(overlay);
    Deployment gateway = rendered.named("Deployment", "ddpm4j-gateway", Deployment.class);
    Map<String, String> podLabels = gateway.getSpec().getTemplate().getMetadata().getLabels();
    Service service = rendered.named("Service", "ddpm4j-gateway", Service.class);
    PodDisruptionBudget pdb = rendered.named("PodDisruptionBudget", "ddpm4j-gateway", PodDisruptionBudget.class);
    HorizontalPodAutoscaler hpa =
        rendered.named("HorizontalPodAutoscaler", "ddpm4j-gateway", HorizontalPodAutoscaler.class);
    Set<String> ports = gateway.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().stream()
        .map(p -> p.getName()).collect(Collectors.toSet());
    assertAll(overlay,
        () -> assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()), "service"),
        () -> assertTrue(ports.contains(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()), "port"),
        () -> assertTrue(podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()),
            "disruption budget"),
        () -> assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind()),
        () -> assertEquals("ddpm4j-gateway", hpa.getSpec().getScaleTargetRef().getName()),
        // the budget must leave room for an eviction at the autoscaler's minimum
        () -> assertTrue(hpa.getSpec().getMinReplicas() > pdb.getSpec().getMinAvailable().getIntVal(), "budget"));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyClaimThePodsMountIsRendered(String overlay) {
    RenderedOverlay rendered = RenderedOverlay.of(overlay);
    Set<String> claims = rendered.ofKind("PersistentVolumeClaim", PersistentVolumeClaim.class).stream()
        .map(c -> c.getMetadata().getName()).collect(Collectors.toSet());
    Stream<PodSpec> pods = Stream.concat(
        rendered.ofKind("Deployment", Deployment.class).stream().map(d -> d.getSpec().getTemplate().getSpec()),
        rendered.flinkJobs().stream().map(j -> j.podTemplate().getSpec()));
    pods.flatMap(p -> p.getVolumes().stream()).filter(v -> v.getPersistentVolumeClaim() != null)
        .forEach(v -> assertTrue(claims.contains(v.getPersistentVolumeClaim().getClaimName()),
            overlay + ": volume " + v.getName() + " claims " + v.getPersistentVolumeClaim().getClaimName()
                + ", rendered claims: " + claims));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyFlinkJobMountsModelsReadOnlyAndOutputsWritable(String overlay) {
    for (FlinkJob job : RenderedOverlay.of(overlay).flinkJobs()) {
      PodSpec pod = job.podTemplate().getSpec();
      Container main = pod.getContainers().stream().filter(c -> c.getName().equals("flink-main-container"))
          .findFirst().orElseThrow(() -> new AssertionError(job.name() + ": no flink-main-container in podTemplate"));
      Map<String, VolumeMount> mounts =
          main.getVolumeMounts().stream().collect(Collectors.toMap(VolumeMount::getMountPath, m -> m));
      assertAll(overlay + " " + job.name(),
          () -> assertEquals(Boolean.TRUE, mounts.get("/models").getReadOnly(), "/models read-only"),
          () -> assertFalse(Boolean.TRUE.equals(mounts.get("/outputs").getReadOnly()), "/outputs writable"),
          () -> assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), "runAsNonRoot"),
          // every path argument points into a mounted volume
          () -> job.args().stream().filter(a -> a.startsWith("/")).forEach(path -> assertTrue(
              mounts.keySet().stream().anyMatch(m -> path.startsWith(m + "/")), "argument " + path)));
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyFlinkJobRunsTheJobJarTheImageShips(String overlay) {
    for (FlinkJob job : RenderedOverlay.of(overlay).flinkJobs()) {
      assertAll(overlay + " " + job.name(),
          () -> assertEquals("local:///opt/flink/usrlib/ddpm4j-flink-jobs.jar", job.jarUri()),
          () -> assertTrue(job.entryClass().startsWith("org.ddpm4j."), job.entryClass()),
          // a batch job is rerun, not restored: no savepoint to take or to start from
          () -> assertEquals("stateless", job.upgradeMode()),
          // created suspended: the user starts it once its inputs are on the volumes (docs/kubernetes.md)
          () -> assertEquals("suspended", job.state()));
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyImageIsRewrittenToARegistryNameAndTag(String overlay) {
    RenderedOverlay rendered = RenderedOverlay.of(overlay);
    Stream<String> images = Stream.concat(
        rendered.ofKind("Deployment", Deployment.class).stream()
            .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream()).map(Container::getImage),
        rendered.flinkJobs().stream().map(FlinkJob::image));
    images.forEach(image -> assertTrue(image.matches("[^/\\s]+(/[^/\\s]+)+:[\\w.-]+"),
        overlay + ": image " + image + " is still a placeholder (set it in the overlay's images:)"));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void jobArgumentsAgreeWithTheDeploymentsParallelismAndCpus(String overlay) {
    FlinkJob sample = RenderedOverlay.of(overlay).flinkJob("ddpm4j-sample");
    assertAll(overlay + " " + sample.name(),
        // the job sets its own parallelism from --parallelism (default 1); the Operator's is only the default
        () -> assertEquals(String.valueOf(sample.parallelism()), sample.arg("--parallelism").orElse("missing"),
            "--parallelism and spec.job.parallelism"),
        () -> assertEquals(sample.taskManagerCpu(),
            Double.parseDouble(sample.arg("--threads-per-subtask").orElse("NaN")),
            "--threads-per-subtask and the TaskManager's CPUs (one subtask per TaskManager)"));
    FlinkJob fid = RenderedOverlay.of(overlay).flinkJob("ddpm4j-fid");
    assertEquals(String.valueOf(fid.parallelism()), fid.arg("--parallelism").orElse("missing"),
        overlay + " " + fid.name() + ": --parallelism and spec.job.parallelism");
  }

  @Test
  void gpuOverlayGivesEveryTaskManagerAndGatewayPodOneGpu() {
    RenderedOverlay gpu = RenderedOverlay.of("gpu");
    for (FlinkJob job : gpu.flinkJobs()) {
      Map<String, String> conf = job.configuration();
      assertAll("gpu " + job.name(),
          () -> assertTrue(job.image().contains("-gpu:"), job.image()),
          () -> assertTrue(List.of(conf.get("external-resources").split(";")).contains("gpu"), "external-resources"),
          () -> assertEquals("1", conf.get("external-resource.gpu.amount")),
          () -> assertEquals(GPU, conf.get("external-resource.gpu.kubernetes.config-key")),
          () -> assertEquals("org.apache.flink.externalresource.gpu.GPUDriverFactory",
              conf.get("external-resource.gpu.driver-factory.class")));
    }
    for (Deployment d : gpu.ofKind("Deployment", Deployment.class)) {
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      Container c = pod.getContainers().get(0);
      assertAll("gpu " + d.getMetadata().getName(),
          () -> assertTrue(c.getImage().contains("-gpu:"), c.getImage()),
          () -> assertEquals(new Quantity("1"), c.getResources().getLimits().get(GPU)),
          () -> assertTrue(pod.getTolerations().stream().anyMatch(t -> GPU.equals(t.getKey())), "toleration"));
    }
  }

  @Test
  void cpuOverlayAsksForNoGpu() {
    RenderedOverlay cpu = RenderedOverlay.of("cpu");
    for (FlinkJob job : cpu.flinkJobs()) {
      assertFalse(job.configuration().containsKey("external-resources"), "cpu " + job.name());
      assertFalse(job.image().contains("-gpu"), job.image());
    }
    for (Deployment d : cpu.ofKind("Deployment", Deployment.class)) {
      for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
        assertFalse(c.getResources().getLimits().containsKey(GPU), "cpu " + d.getMetadata().getName());
        assertFalse(c.getImage().contains("-gpu"), c.getImage());
      }
    }
  }

  private static void assertHttpProbe(String what, Probe probe, String path, Set<String> ports) {
    assertNotNull(probe, what + " probe missing");
    HTTPGetAction get = probe.getHttpGet();
    assertNotNull(get, what + " probe must be an HTTP GET");
    assertEquals(path, get.getPath(), what + " path");
    assertTrue(ports.contains(get.getPort().getStrVal()), what + " port " + get.getPort() + " not in " + ports);
  }
}
