package org.ddpm4j.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalResourceOptions;
import org.apache.flink.kubernetes.configuration.KubernetesConfigOptions;

/**
 * The configuration options this Flink version declares: every public static {@link ConfigOption} of the
 * {@code *Options} classes in Flink's configuration packages (flink-core, flink-kubernetes), by key.
 */
final class FlinkOptions {
  private static final List<String> PACKAGES =
      List.of("org/apache/flink/configuration/", "org/apache/flink/kubernetes/configuration/");
  private static final Map<String, ConfigOption<?>> BY_KEY = scan(CoreOptions.class, KubernetesConfigOptions.class);

  private FlinkOptions() {}

  /** Every declared option by key (fallback and deprecated keys are not included). */
  static Map<String, ConfigOption<?>> byKey() {
    return BY_KEY;
  }

  /**
   * The keys an external resource may set besides its driver parameters: amount, driver factory class and the
   * Kubernetes resource name ({@code external-resource.<name>.kubernetes.config-key}).
   */
  static List<String> externalResourceKeys(String resource) {
    return List.of(
        ExternalResourceOptions.getAmountConfigOptionForResource(resource),
        ExternalResourceOptions.getExternalResourceDriverFactoryConfigOptionForResource(resource),
        ExternalResourceOptions.getSystemConfigKeyConfigOptionForResource(
            resource, KubernetesConfigOptions.EXTERNAL_RESOURCE_KUBERNETES_CONFIG_KEY_SUFFIX));
  }

  private static Map<String, ConfigOption<?>> scan(Class<?>... anchors) {
    Map<String, ConfigOption<?>> options = new TreeMap<>();
    for (Class<?> anchor : anchors) {
      try (JarFile jar = new JarFile(jarOf(anchor).toFile())) {
        for (JarEntry entry : Collections.list(jar.entries())) {
          String name = entry.getName();
          if (name.endsWith("Options.class") && PACKAGES.stream().anyMatch(p ->
              name.startsWith(p) && name.indexOf('/', p.length()) < 0)) {
            collect(Class.forName(name.replace('/', '.').replace(".class", "")), options);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the jar of " + anchor.getName(), e);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("cannot load an options class", e);
      }
    }
    return Collections.unmodifiableMap(options);
  }

  private static void collect(Class<?> type, Map<String, ConfigOption<?>> options) {
    for (Field f : type.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && ConfigOption.class.isAssignableFrom(f.getType())) {
        try {
          ConfigOption<?> option = (ConfigOption<?>) f.get(null);
          options.put(option.key(), option);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot read " + type.getName() + "." + f.getName(), e);
        }
      }
    }
  }

  private static Path jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("no jar for " + type.getName(), e);
    }
  }
}
