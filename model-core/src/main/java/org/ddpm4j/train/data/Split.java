package org.ddpm4j.train.data;

import java.util.Locale;

/** Which part of a dataset with a fixed split to read. */
public enum Split {
  /** The training images (IDX {@code train-*}, CIFAR-10 {@code data_batch_*.bin}). */
  TRAIN,
  /** The test images (IDX {@code t10k-*}, CIFAR-10 {@code test_batch.bin}). */
  TEST;

  /**
   * The split of a name on the command line or in a config, {@code train} or {@code test}.
   *
   * @throws IllegalArgumentException naming the value
   */
  public static Split fromId(String id) {
    return switch (id) {
      case "train" -> TRAIN;
      case "test" -> TEST;
      default -> throw new IllegalArgumentException("split '" + id + "' is neither train nor test");
    };
  }

  /** The name in configs, {@code train} or {@code test}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
