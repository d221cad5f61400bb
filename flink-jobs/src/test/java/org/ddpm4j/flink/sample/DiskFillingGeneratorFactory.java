package org.ddpm4j.flink.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Test decorator that plays "another process fills the disk": when a generator is opened (after the client's space
 * check), it appends zeros to {@code filler} until the file system is full.
 *
 * @param delegate the real factory
 * @param filler the file to grow
 */
record DiskFillingGeneratorFactory(BatchGeneratorFactory delegate, String filler) implements BatchGeneratorFactory {
  @Override
  public GeneratorInfo inspect() {
    return delegate.inspect();
  }

  @Override
  public BatchGenerator open(GeneratorContext context) {
    try (OutputStream out = Files.newOutputStream(Path.of(filler), StandardOpenOption.CREATE,
        StandardOpenOption.APPEND)) {
      byte[] block = new byte[4096];
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException full) {
      // the disk is full now
    }
    return delegate.open(context);
  }
}
