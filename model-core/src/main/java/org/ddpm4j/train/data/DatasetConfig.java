package org.ddpm4j.train.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and what the training data is.
 *
 * @param kind the file format
 * @param path a folder, or a single file (an IDX images file, a CIFAR-10 batch)
 * @param split the files of a folder to read for IDX and CIFAR-10 (a folder of images has no split)
 * @param resolution the model's image side: a folder of images is resized to it, IDX and CIFAR-10 images must have it
 * @param channels the model's channels: a folder of images is converted to it, IDX (1) and CIFAR-10 (3) must match it
 */
public record DatasetConfig(DatasetKind kind, Path path, Split split, int resolution, int channels) {

  /** Checks the values. */
  public DatasetConfig {
    Objects.requireNonNull(kind, "dataset kind");
    Objects.requireNonNull(path, "dataset path");
    Objects.requireNonNull(split, "dataset split");
    if (resolution < 1) {
      throw new IllegalArgumentException("dataset resolution must be >= 1, got " + resolution);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("dataset channels must be 1 or 3, got " + channels);
    }
  }
}
