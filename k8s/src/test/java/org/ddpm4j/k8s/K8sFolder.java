package org.ddpm4j.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the manifests are: the {@code k8s/} folder of the project (system property {@code k8s.dir}). */
final class K8sFolder {
  private K8sFolder() {}

  /** The {@code k8s/} folder; surefire runs in it, so it is also the default. */
  static Path root() {
    return Path.of(System.getProperty("k8s.dir", ".")).toAbsolutePath().normalize();
  }

  /** The project root, the parent of {@code k8s/}. */
  static Path projectRoot() {
    return root().getParent();
  }

  /** The names of the overlays, one folder each under {@code k8s/overlays}, sorted. */
  static List<String> overlays() {
    try (Stream<Path> dirs = Files.list(root().resolve("overlays"))) {
      List<String> names = dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
          .map(d -> d.getFileName().toString()).sorted().toList();
      if (names.isEmpty()) {
        throw new IllegalStateException("no overlay with a kustomization.yaml under " + root().resolve("overlays"));
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root().resolve("overlays"), e);
    }
  }
}
