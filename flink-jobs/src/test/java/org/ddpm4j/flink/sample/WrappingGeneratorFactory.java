package org.ddpm4j.flink.sample;

import java.util.function.Consumer;

/**
 * Test decorators of a factory: the same inputs and output as {@code delegate()}, with a hook that sees each batch's
 * indices before its generator does (and may throw).
 */
interface WrappingGeneratorFactory extends BatchGeneratorFactory {
  /** The wrapped factory. */
  BatchGeneratorFactory delegate();

  @Override
  default GeneratorInfo inspect() {
    return delegate().inspect();
  }

  /** A generator of {@code delegate()} that calls {@code beforeBatch} with the indices of each batch first. */
  default BatchGenerator hooked(GeneratorContext context, Consumer<long[]> beforeBatch) {
    BatchGenerator inner = delegate().open(context);
    return new BatchGenerator() {
      @Override
      public SampleBatch generate(long[] indices) {
        beforeBatch.accept(indices);
        return inner.generate(indices);
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }
}
