package org.ddpm4j.flink.fid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ddpm4j.eval.ImageBatch;
import org.ddpm4j.flink.sample.ImageShape;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.io.CheckpointException;
import org.ddpm4j.io.ImageShard;
import org.ddpm4j.io.NpyArray;
import org.ddpm4j.io.NpyType;
import org.ddpm4j.io.Npz;

/**
 * A folder of npz image shards, in file-name order: the sample job's {@code npz/*.npz} (images under {@code arr_0})
 * or {@link ImageShard}'s files (under {@code images}); uint8 [N, H, W, C] with C = 1 or 3. Image {@code i} of the
 * input is row {@code i - offset} of the shard that holds it.
 *
 * @param dir the folder
 * @param files the shard file names, sorted
 * @param counts the number of images in each shard
 * @param shape the shape of every image
 */
record NpzShards(String dir, List<String> files, List<Integer> counts, ImageShape shape) implements ImageInput {
  /** The sample job's key, numpy.savez's first positional array. */
  static final String ARR_0 = "arr_0";

  /** Plans a folder: reads every shard once to count its images and check their shape. */
  static NpzShards plan(Path dir, List<String> files) {
    List<Integer> counts = new ArrayList<>();
    ImageShape shape = null;
    for (String name : files) {
      Uint8Images images = images(dir.resolve(name));
      ImageShape s = new ImageShape(images.height(), images.width(), images.channels());
      if (shape == null) {
        shape = s;
      } else if (!shape.equals(s)) {
        throw new CheckpointException(dir.resolve(name) + ": images are " + ImageInput.describe(s)
            + ", but those of " + files.get(0) + " are " + ImageInput.describe(shape)
            + " (all images of an input must have one shape)");
      }
      counts.add(images.n());
    }
    return new NpzShards(dir.toString(), List.copyOf(files), List.copyOf(counts), shape);
  }

  /**
   * The images of one shard.
   *
   * @throws CheckpointException naming the file when it has no image array or one of the wrong type or shape
   */
  static Uint8Images images(Path file) {
    Npz npz = Npz.read(file);
    String key = npz.contains(ARR_0) ? ARR_0 : ImageShard.IMAGES;
    if (!npz.contains(key)) {
      throw new CheckpointException(file + ": not an image shard: needs an array '" + ARR_0 + "' or '"
          + ImageShard.IMAGES + "' (arrays present: " + npz.arrays().keySet() + ")");
    }
    NpyArray a = npz.get(key);
    long[] s = a.shape();
    if (a.type() != NpyType.UINT8 || s.length != 4 || (s[3] != 1 && s[3] != 3)) {
      throw new CheckpointException(file + ": array '" + key + "' must be uint8 [N, H, W, C] with C = 1 or 3, got "
          + a);
    }
    return new Uint8Images((int) s[0], (int) s[1], (int) s[2], (int) s[3], a.toBytes());
  }

  @Override
  public String describe() {
    return "npz shards in " + dir;
  }

  @Override
  public String kind() {
    return "npz-shards";
  }

  @Override
  public int count() {
    return counts.stream().mapToInt(Integer::intValue).sum();
  }

  @Override
  public ImageBatch read(int from, int to) {
    int size = (int) shape.bytes();
    byte[] out = new byte[(to - from) * size];
    int offset = 0;
    for (int k = 0; k < files.size() && offset < to; k++) {
      int n = counts.get(k);
      int lo = Math.max(from, offset);
      int hi = Math.min(to, offset + n);
      if (lo < hi) {
        Path file = Path.of(dir, files.get(k));
        Uint8Images images = images(file);
        if (images.n() != n || images.height() != shape.height() || images.width() != shape.width()
            || images.channels() != shape.channels()) {
          throw new CheckpointException(file + ": changed since the job was planned (now " + images + ")");
        }
        System.arraycopy(images.nhwc(), (lo - offset) * size, out, (lo - from) * size, (hi - lo) * size);
      }
      offset += n;
    }
    return ImageInput.nchw(new Uint8Images(to - from, shape.height(), shape.width(), shape.channels(), out));
  }
}
