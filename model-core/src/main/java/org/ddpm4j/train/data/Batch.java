package org.ddpm4j.train.data;

/**
 * The images of one training batch.
 *
 * @param indices the dataset index of each batch row
 * @param flipped whether each row is mirrored left-right
 */
public record Batch(int[] indices, boolean[] flipped) {}
