package org.ddpm4j.flink.fid;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.ddpm4j.eval.ImageBatch;
import org.ddpm4j.flink.sample.ImageShape;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.train.data.DatasetConfig;
import org.ddpm4j.train.data.DatasetKind;
import org.ddpm4j.train.data.Datasets;
import org.ddpm4j.train.data.Split;
import org.ddpm4j.train.data.Uint8Dataset;

/**
 * A split of a dataset with fixed image files: MNIST or Fashion-MNIST (IDX, 28x28 gray) or CIFAR-10 (binary, 32x32
 * RGB). Each subtask loads the split once, on its first chunk of it.
 */
final class DatasetImages implements ImageInput {
  private static final long serialVersionUID = 1L;

  private final DatasetKind kind;
  private final String path;
  private final Split split;
  private final int count;
  private final ImageShape shape;
  private transient Uint8Images images;

  private DatasetImages(DatasetKind kind, String path, Split split, Uint8Images images) {
    this.kind = kind;
    this.path = path;
    this.split = split;
    this.count = images.n();
    this.shape = new ImageShape(images.height(), images.width(), images.channels());
    this.images = images;
  }

  /**
   * Opens a dataset split on the client, to count and check its images.
   *
   * @throws IllegalArgumentException for a kind without fixed image files (an image folder: pass it as a folder)
   * @throws org.ddpm4j.train.data.DatasetException naming the file when it is missing or malformed
   */
  static DatasetImages plan(DatasetKind kind, Path path, Split split) {
    return new DatasetImages(kind, path.toString(), split, load(kind, path, split));
  }

  private static Uint8Images load(DatasetKind kind, Path path, Split split) {
    DatasetConfig config = switch (kind) {
      case MNIST, FASHION_MNIST -> new DatasetConfig(kind, path, split, 28, 1);
      case CIFAR10 -> new DatasetConfig(kind, path, split, 32, 3);
      case FOLDER -> throw new IllegalArgumentException(
          "dataset kind 'folder' is not an input here: give the image folder's path itself");
    };
    Uint8Dataset dataset = Datasets.open(config);
    return dataset.images();
  }

  @Override
  public String describe() {
    return kind.id() + " " + split.name().toLowerCase(Locale.ROOT) + " split in " + path;
  }

  @Override
  public String kind() {
    return kind.id() + ":" + split.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public int count() {
    return count;
  }

  @Override
  public ImageShape shape() {
    return shape;
  }

  @Override
  public ImageBatch read(int from, int to) {
    Uint8Images all = images();
    int size = all.sampleSize();
    return ImageInput.nchw(new Uint8Images(to - from, all.height(), all.width(), all.channels(),
        Arrays.copyOfRange(all.nhwc(), from * size, to * size)));
  }

  private synchronized Uint8Images images() {
    if (images == null) {
      images = load(kind, Path.of(path), split);
    }
    return images;
  }
}
