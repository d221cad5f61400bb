package org.ddpm4j.flink.sample;

import com.google.gson.JsonObject;
import org.ddpm4j.image.Uint8Images;

/**
 * A deterministic stand-in for the diffusion model: the pixels of sample {@code i} are a hash of (seed, i, byte
 * position), so every guarantee of the job plumbing can be checked in milliseconds.
 *
 * @param seed the seed
 * @param shape the image shape
 */
record FakeGeneratorFactory(long seed, ImageShape shape) implements BatchGeneratorFactory {
  @Override
  public GeneratorInfo inspect() {
    JsonObject settings = new JsonObject();
    settings.addProperty("kind", "fake");
    settings.addProperty("seed", seed);
    return new GeneratorInfo(shape, settings, "fake");
  }

  @Override
  public BatchGenerator open(GeneratorContext context) {
    return new BatchGenerator() {
      @Override
      public SampleBatch generate(long[] indices) {
        return batch(indices);
      }

      @Override
      public void close() {}
    };
  }

  /** The images of the given indices. */
  SampleBatch batch(long[] indices) {
    int per = (int) shape.bytes();
    byte[] pixels = new byte[indices.length * per];
    for (int b = 0; b < indices.length; b++) {
      for (int p = 0; p < per; p++) {
        long h = (seed * 0x9E3779B97F4A7C15L) ^ (indices[b] * 0xBF58476D1CE4E5B9L) ^ (p * 0x94D049BB133111EBL);
        h ^= h >>> 31;
        h *= 0xD6E8FEB86659FD93L;
        pixels[b * per + p] = (byte) (h >>> 56);
      }
    }
    return new SampleBatch(indices, new Uint8Images(indices.length, shape.height(), shape.width(), shape.channels(),
        pixels));
  }
}
