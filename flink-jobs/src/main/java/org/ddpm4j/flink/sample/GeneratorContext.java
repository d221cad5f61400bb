package org.ddpm4j.flink.sample;

import java.util.OptionalInt;

/**
 * Where a generator is opened.
 *
 * @param subtask the subtask index, from 0
 * @param parallelism the number of subtasks
 * @param attempt the attempt number of this subtask (0 first, then one more per restart)
 * @param gpu the GPU index Flink assigned to this subtask, empty to run on the CPU
 */
public record GeneratorContext(int subtask, int parallelism, int attempt, OptionalInt gpu) {}
