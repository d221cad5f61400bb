package org.ddpm4j.flink.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test-only failure injection: wraps a factory so that the first subtask that has generated {@code afterSamples}
 * samples throws once, before its next batch. (Which subtask reads which batches is up to Flink's split assignment,
 * so the failure is not tied to a subtask index.) The "once" flag is kept per {@code key} in a static map (the
 * MiniCluster runs in the test's JVM), so the restarted attempt succeeds.
 *
 * @param delegate the real factory
 * @param afterSamples the samples a subtask generates before it fails
 * @param key names this injection
 */
record FailingGeneratorFactory(BatchGeneratorFactory delegate, int afterSamples, String key)
    implements BatchGeneratorFactory {
  /** The message of the injected failure. */
  static final String MESSAGE = "injected failure";

  private static final Map<String, AtomicBoolean> FIRED = new ConcurrentHashMap<>();

  /** Whether the failure of {@code key} has been thrown. */
  static boolean fired(String key) {
    return FIRED.computeIfAbsent(key, k -> new AtomicBoolean()).get();
  }

  @Override
  public GeneratorInfo inspect() {
    return delegate.inspect();
  }

  @Override
  public BatchGenerator open(GeneratorContext context) {
    BatchGenerator inner = delegate.open(context);
    AtomicBoolean fired = FIRED.computeIfAbsent(key, k -> new AtomicBoolean());
    return new BatchGenerator() {
      private long done;

      @Override
      public SampleBatch generate(long[] indices) {
        if (done >= afterSamples && fired.compareAndSet(false, true)) {
          throw new IllegalStateException(MESSAGE + " in subtask " + context.subtask() + " after " + done + " samples");
        }
        SampleBatch batch = inner.generate(indices);
        done += indices.length;
        return batch;
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }
}
