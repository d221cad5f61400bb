package org.ddpm4j.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images are built from this build's versions: the Dockerfiles' defaults (which no build here can run, as no
 * container engine is reachable) must match the POM's Flink and libtorch versions.
 */
class ImageVersionsTest {
  @ParameterizedTest
  @ValueSource(strings = {"flink", "gateway"})
  void libtorchVersionIsTheBuildsPytorchVersion(String image) throws IOException {
    // DJL looks for its JNI bridge under DJL_CACHE_DIR/pytorch/<PYTORCH_VERSION>-<flavor>-linux-x86_64
    assertEquals(property("pytorch.version"), arg(image, "PYTORCH_VERSION"), image + " Dockerfile");
  }

  @ParameterizedTest
  @ValueSource(strings = {"flink", "gateway"})
  void jvmIsJava17(String image) throws IOException {
    String base = arg(image, image.equals("flink") ? "FLINK_IMAGE" : "JAVA_IMAGE");
    assertTrue(base.contains("java17") || base.contains(":17-"), image + " base image " + base);
  }

  @ParameterizedTest
  @ValueSource(strings = {"flink"})
  void flinkBaseImageIsTheBuildsFlinkVersion(String image) throws IOException {
    assertEquals("flink:" + property("flink.version") + "-java17", arg(image, "FLINK_IMAGE"));
  }

  private static String arg(String image, String name) throws IOException {
    Path dockerfile = K8sFolder.root().resolve("images").resolve(image).resolve("Dockerfile");
    Matcher m = Pattern.compile("(?m)^ARG " + name + "=(\\S+)$").matcher(Files.readString(dockerfile));
    assertTrue(m.find(), dockerfile + " has no ARG " + name + " with a default");
    return m.group(1);
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertTrue(value != null && !value.isBlank(), "system property " + name + " (set by the k8s POM)");
    return value;
  }
}
