package org.ddpm4j.train.data;

/** Which part of a dataset with a fixed split to read. */
public enum Split {
  /** The training images (IDX {@code train-*}, CIFAR-10 {@code data_batch_*.bin}). */
  TRAIN,
  /** The test images (IDX {@code t10k-*}, CIFAR-10 {@code test_batch.bin}). */
  TEST
}
