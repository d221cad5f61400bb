package org.ddpm4j.train.data;

/** Opens the dataset a {@link DatasetConfig} describes. */
public final class Datasets {
  private Datasets() {}

  /**
   * Opens a dataset and checks that its images have the configured size and channels.
   *
   * @throws DatasetException naming the file when it is missing or malformed, or when its images have another size
   *     or channel count than the config asks for
   */
  public static Uint8Dataset open(DatasetConfig config) {
    Uint8Dataset d =
        switch (config.kind()) {
          case MNIST, FASHION_MNIST -> IdxReader.open(config.path(), config.split());
          case CIFAR10 -> Cifar10Reader.open(config.path(), config.split());
          case FOLDER -> ImageFolderReader.open(config.path(), config.resolution(), config.channels());
        };
    if (d.height() != config.resolution() || d.width() != config.resolution() || d.channels() != config.channels()) {
      throw new DatasetException(
          d.source(),
          "wrong image size: " + config.kind().id() + " images are " + d.height() + "x" + d.width() + " with "
              + d.channels() + " channel(s), but the model takes " + config.resolution() + "x" + config.resolution()
              + " with " + config.channels());
    }
    return d;
  }
}
