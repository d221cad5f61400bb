package org.ddpm4j.k8s;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objects one overlay renders to, with typed views: fabric8's model classes for Kubernetes kinds,
 * {@link FlinkJob} for the Operator's FlinkDeployments.
 *
 * @param name the overlay's folder name under {@code k8s/overlays}
 * @param objects every rendered object as parsed YAML
 */
record RenderedOverlay(String name, List<Map<String, Object>> objects) {
  // YAML may write a quantity as a number (nvidia.com/gpu: 1), which Kubernetes accepts and fabric8 does not
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new SimpleModule()
      .addDeserializer(Quantity.class, new FromStringDeserializer<>(Quantity.class) {
        @Override
        protected Quantity _deserialize(String value, DeserializationContext context) {
          return new Quantity(value);
        }
      }));
  private static final Map<String, RenderedOverlay> CACHE = new ConcurrentHashMap<>();

  /** Renders the overlay (once per test JVM); the calling test is skipped when kubectl is not installed. */
  static RenderedOverlay of(String name) {
    assumeTrue(Kustomize.available(), "kubectl is not on the PATH: the rendered manifests are not checked");
    return CACHE.computeIfAbsent(name, RenderedOverlay::render);
  }

  private static RenderedOverlay render(String name) {
    try {
      return new RenderedOverlay(name, Kustomize.render(K8sFolder.root().resolve("overlays").resolve(name)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot render overlay " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rendering overlay " + name, e);
    }
  }

  /** The objects of one kind (any API group). */
  List<Map<String, Object>> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  /** The objects of one kind as model objects (fabric8's for Kubernetes kinds). */
  <T> List<T> ofKind(String kind, Class<T> type) {
    return ofKind(kind).stream().map(o -> JSON.convertValue(o, type)).toList();
  }

  /** The object of that kind and name. */
  <T> T named(String kind, String objectName, Class<T> type) {
    return ofKind(kind).stream()
        .filter(o -> o.get("metadata") instanceof Map<?, ?> m && objectName.equals(m.get("name")))
        .findFirst()
        .map(o -> as(o, type))
        .orElseThrow(() -> new AssertionError("overlay " + name + " renders no " + kind + " " + objectName));
  }

  /** The FlinkDeployments. */
  List<FlinkJob> flinkJobs() {
    return ofKind("FlinkDeployment").stream().map(FlinkJob::new).toList();
  }

  /** The FlinkDeployment of that name. */
  FlinkJob flinkJob(String jobName) {
    return flinkJobs().stream().filter(j -> j.name().equals(jobName)).findFirst()
        .orElseThrow(() -> new AssertionError("overlay " + name + " renders no FlinkDeployment " + jobName));
  }

  /** Converts a parsed YAML value to a model class. */
  static <T> T as(Object value, Class<T> type) {
    return JSON.convertValue(value, type);
  }
}
