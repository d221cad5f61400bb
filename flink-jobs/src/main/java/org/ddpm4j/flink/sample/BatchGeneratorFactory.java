package org.ddpm4j.flink.sample;

import java.io.Serializable;

/**
 * Creates the generator of each subtask. The factory is serialized into the job graph, so it holds only settings
 * (paths as strings, numbers), never a model.
 */
public interface BatchGeneratorFactory extends Serializable {
  /**
   * Checks the inputs on the client, before any task starts, and describes the output.
   *
   * @throws RuntimeException naming the file, key or setting that is wrong
   */
  GeneratorInfo inspect();

  /** Opens a generator in a task's {@code open()}, in the thread that will call it. */
  BatchGenerator open(GeneratorContext context);
}
