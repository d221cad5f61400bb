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
record RecordingGeneratorFactory(BatchGeneratorFactory delegate, String key) implements BatchGeneratorFactory {
  private static final Map<String, Set<Long>> GENERATED = new ConcurrentHashMap<>();

  /** The indices generated under {@code key}. */
  static Set<Long> generated(String key) {
    return GENERATED.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
  }

  @Override
  public GeneratorInfo inspect() {
    return delegate.inspect();
  }

  @Override
  public BatchGenerator open(GeneratorContext context) {
    BatchGenerator inner = delegate.open(context);
    Set<Long> seen = generated(key);
    return new BatchGenerator() {
      @Override
      public SampleBatch generate(long[] indices) {
        for (long i : indices) {
          seen.add(i);
        }
        return inner.generate(indices);
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }
}
