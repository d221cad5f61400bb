package org.ddpm4j.k8s;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize} (kubectl 1.27 or newer brings kustomize v5). */
final class Kustomize {
  private static final long TIMEOUT_SECONDS = 60;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Kustomize() {}

  /** Whether {@code kubectl} can be started from the PATH (asked once per JVM). */
  static boolean available() {
    return Availability.KUBECTL;
  }

  /** Holds the answer of {@link #probe()}, computed on first use. */
  private static final class Availability {
    static final boolean KUBECTL = probe();
  }

  private static boolean probe() {
    try {
      Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The objects {@code kubectl kustomize dir} renders, in its order.
   *
   * @throws IllegalStateException naming the folder and kubectl's message when rendering fails
   */
  static List<Map<String, Object>> render(Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err.strip());
    }
    List<Map<String, Object>> objects = new ArrayList<>();
    try (MappingIterator<Map<String, Object>> docs = YAML.readerForMapOf(Object.class).readValues(out)) {
      while (docs.hasNext()) {
        Map<String, Object> doc = docs.next();
        if (doc != null && !doc.isEmpty()) {
          objects.add(doc);
        }
      }
    }
    return objects;
  }
}
