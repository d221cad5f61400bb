package org.ddpm4j.flink.sample;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test decorator that records every index its generators are asked for, under {@code key} in a static map (the
 * MiniCluster runs in the test's JVM).
 *
 * @param delegate the real factory
 * @param key names the recording
 */
record RecordingGeneratorFactory(BatchGeneratorFactory delegate, String key) implements WrappingGeneratorFactory {
  private static final Map<String, Set<Long>> GENERATED = new ConcurrentHashMap<>();

  /** The indices generated under {@code key}. */
  static Set<Long> generated(String key) {
    return GENERATED.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
  }

  @Override
  public BatchGenerator open(GeneratorContext context) {
    Set<Long> seen = generated(key);
    return hooked(context, indices -> {
      for (long i : indices) {
        seen.add(i);
      }
    });
  }
}
