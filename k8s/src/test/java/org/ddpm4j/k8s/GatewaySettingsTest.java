package org.ddpm4j.k8s;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway settings the manifests set are settings the gateway reads: each ConfigMap key and each environment
 * variable is applied to the gateway's own {@code @ConfigMapping} by SmallRye Config, the library Quarkus reads
 * configuration with, with unknown properties under the mapping's prefix rejected as Quarkus would not.
 */
class GatewaySettingsTest {
  /** The gateway's configuration mapping (quarkus-gateway). */
  static final String MAPPING = "org.ddpm4j.gateway.config.GatewayConfig";
  private static final String SENTINEL = "k8s-manifest-check";
  /** Quarkus's ordinal for config/application.properties in the working directory. */
  private static final int CONFIG_DIR_ORDINAL = 260;
  private static final int QUARKUS_CONVERTER_PRIORITY = 200;

  static List<String> overlays() {
    return K8sFolder.overlays();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyConfigMapKeyIsAGatewayPropertyWithAValidValue(String overlay) throws IOException {
    Class<?> mapping = mapping();
    String prefix = mapping.getAnnotation(ConfigMapping.class).prefix() + ".";
    Properties settings = configMapSettings(RenderedOverlay.of(overlay));
    assertAll(overlay, settings.stringPropertyNames().stream().map(key -> () -> assertTrue(key.startsWith(prefix),
        key + " is not a " + prefix + "* property of " + MAPPING)));
    // fails naming the key when a property is unknown to the mapping or its value does not convert
    assertDoesNotThrow(() -> config(mapping, new PropertiesConfigSource(toMap(settings), "configmap",
        CONFIG_DIR_ORDINAL)), overlay + ": " + settings);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyEnvironmentVariableIsReadByTheGatewayOrTheImage(String overlay) throws IOException {
    Class<?> mapping = mapping();
    String envPrefix = mapping.getAnnotation(ConfigMapping.class).prefix().toUpperCase().replace('.', '_') + "_";
    String entrypoint = Files.readString(K8sFolder.root().resolve("images/gateway/Dockerfile"));
    for (EnvVar env : gatewayPod(RenderedOverlay.of(overlay)).getContainers().get(0).getEnv()) {
      String name = env.getName();
      if (name.startsWith(envPrefix)) {
        // SmallRye maps DDPM4J_GATEWAY_A_B to the mapping's property a.b / a-b; the value must arrive in it
        SmallRyeConfig config = config(mapping, new EnvConfigSource(Map.of(name, SENTINEL), EnvConfigSource.ORDINAL));
        List<Object> values = new ArrayList<>();
        leaves(mapping, config.getConfigMapping(mapping), values);
        assertTrue(values.stream().anyMatch(v -> String.valueOf(v).contains(SENTINEL)),
            overlay + ": environment variable " + name + " sets no property of " + MAPPING);
      } else {
        Pattern reference = Pattern.compile("\\$\\{?" + Pattern.quote(name) + "\\b");
        assertTrue(reference.matcher(entrypoint).find(),
            overlay + ": " + name + " is neither a gateway property nor used by the gateway image's entrypoint");
      }
    }
  }

  private static SmallRyeConfig config(Class<?> mapping, ConfigSource source) {
    return new SmallRyeConfigBuilder()
        .withSources(source)
        // Quarkus reads durations its own way ("10ms", "120s", ISO-8601), over SmallRye's Duration.parse
        .withConverter(Duration.class, QUARKUS_CONVERTER_PRIORITY, new DurationConverter())
        .withMapping(mapping)
        .withValidateUnknown(true)
        .build();
  }

  /** Collects the values of every leaf accessor of a mapping object, descending into nested groups. */
  private static void leaves(Class<?> type, Object object, List<Object> values) {
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() != 0 || m.isDefault() || m.getDeclaringClass() == Object.class) {
        continue;
      }
      try {
        Object value = m.invoke(object);
        if (m.getReturnType().isInterface() && m.getReturnType().getName().startsWith(type.getPackageName())) {
          leaves(m.getReturnType(), value, values);
        } else {
          values.add(value);
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + m, e);
      }
    }
  }

  private static Class<?> mapping() {
    try {
      return Class.forName(MAPPING);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(MAPPING + " is not on the test classpath (quarkus-gateway dependency)", e);
    }
  }

  private static PodSpec gatewayPod(RenderedOverlay rendered) {
    return rendered.named("Deployment", "ddpm4j-gateway", Deployment.class).getSpec().getTemplate().getSpec();
  }

  private static Properties configMapSettings(RenderedOverlay rendered) throws IOException {
    String name = gatewayPod(rendered).getVolumes().stream().filter(v -> v.getConfigMap() != null)
        .findFirst().orElseThrow().getConfigMap().getName();
    Properties settings = new Properties();
    settings.load(new StringReader(rendered.named("ConfigMap", name, ConfigMap.class).getData()
        .get("application.properties")));
    return settings;
  }

  private static Map<String, String> toMap(Properties settings) {
    Map<String, String> map = new TreeMap<>();
    settings.stringPropertyNames().forEach(k -> map.put(k, settings.getProperty(k)));
    return map;
  }
}
