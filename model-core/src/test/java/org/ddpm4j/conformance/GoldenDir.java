package org.ddpm4j.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the golden reference folder: system property {@code golden.dir}, else {@code ../shared/golden} of the project root. */
public final class GoldenDir {
  private GoldenDir() {}

  /** The golden folder; fails with a clear message when it does not exist. */
  public static Path root() {
    String prop = System.getProperty("golden.dir");
    Path p;
    if (prop != null && !prop.isBlank()) {
      p = Path.of(prop);
    } else {
      Path here = Path.of("").toAbsolutePath();
      Path projectRoot = Files.exists(here.resolve("mvnw")) ? here : here.getParent();
      p = projectRoot.resolve("../shared/golden");
    }
    p = p.toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("golden folder not found: " + p + " (set -Dgolden.dir=...)");
    }
    return p;
  }
}
