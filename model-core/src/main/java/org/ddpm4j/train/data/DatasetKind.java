package org.ddpm4j.train.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The file formats a dataset can be read from, by the names used in configs and on the command line. */
public enum DatasetKind {
  /** MNIST digits, IDX files. */
  MNIST("mnist"),
  /** Fashion-MNIST, IDX files with the same layout as MNIST. */
  FASHION_MNIST("fashion-mnist"),
  /** CIFAR-10, binary version. */
  CIFAR10("cifar10"),
  /** A folder of PNG/JPEG images, resized and centre-cropped. */
  FOLDER("folder");

  private final String id;

  DatasetKind(String id) {
    this.id = id;
  }

  /** The name in configs, e.g. {@code fashion-mnist}. */
  public String id() {
    return id;
  }

  /**
   * The kind of a config name.
   *
   * @throws IllegalArgumentException naming the value and the known names
   */
  public static DatasetKind fromId(String id) {
    return Arrays.stream(values())
        .filter(k -> k.id.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown dataset kind '" + id + "' (known: "
                        + Arrays.stream(values()).map(DatasetKind::id).collect(Collectors.joining(", ")) + ")"));
  }
}
