package org.ddpm4j.flink.fid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ddpm4j.eval.MeanCovariance;
import org.ddpm4j.flink.sample.OutputLayout;
import org.ddpm4j.train.data.DatasetKind;
import org.ddpm4j.train.data.Split;

/**
 * One side of the comparison as given on the command line: either images ({@link ImageInput}) whose features the job
 * computes, or precomputed statistics ({@code mu}/{@code sigma} in an {@code .npz}, pytorch-fid's layout).
 *
 * <p>Accepted forms: a {@code .npz} file (statistics); a folder of {@code *.png} files; a folder of npz shards; the
 * sample job's output folder (its {@code samples/} PNGs, else its {@code npz/} shards); a dataset split
 * {@code KIND:PATH[:SPLIT]} with KIND {@code fashion-mnist}, {@code mnist} or {@code cifar10} and SPLIT {@code train}
 * or {@code test} (default {@code test}).
 *
 * @param spec the argument as given
 * @param images the images, or null for statistics
 * @param stats the statistics, or null for images
 */
record SideInput(String spec, ImageInput images, MeanCovariance stats) {
  private static final Pattern DATASET = Pattern.compile("(fashion-mnist|mnist|cifar10):(.+?)(?::(train|test))?");

  /** Whether the features are computed (and so KID can be). */
  boolean hasImages() {
    return images != null;
  }

  /** What the input is, for messages. */
  String describe() {
    return images != null ? images.describe() : "statistics file " + spec;
  }

  /**
   * Plans an input on the client.
   *
   * @param option the option it was given to, for messages ({@code --samples}, {@code --reference})
   * @throws IllegalArgumentException naming the option and the path when it is missing or holds no images
   * @throws org.ddpm4j.io.CheckpointException naming the file for a statistics file without {@code mu}/{@code sigma},
   *     of mismatched dimensions or with a non-finite value, or an unreadable image or shard
   */
  static SideInput parse(String option, String spec) {
    Matcher m = DATASET.matcher(spec);
    if (m.matches()) {
      Split split = m.group(3) == null ? Split.TEST : Split.valueOf(m.group(3).toUpperCase(Locale.ROOT));
      return new SideInput(spec, DatasetImages.plan(DatasetKind.fromId(m.group(1)), Path.of(m.group(2)), split),
          null);
    }
    Path path = Path.of(spec);
    if (Files.isRegularFile(path)) {
      if (!path.getFileName().toString().endsWith(".npz")) {
        throw new IllegalArgumentException(option + " " + spec + ": a file must be a statistics .npz (mu, sigma); "
            + "give images as a folder");
      }
      return new SideInput(spec, null, MeanCovariance.read(path));
    }
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException(option + " " + spec + ": no such file or folder");
    }
    return new SideInput(spec, folder(option, path), null);
  }

  /** The images of a folder: its PNGs, its npz shards, or those of a sample job's output folder. */
  private static ImageInput folder(String option, Path dir) {
    for (Path d : List.of(dir.resolve(OutputLayout.SAMPLES_DIR), dir)) {
      List<String> pngs = list(d, ".png");
      if (!pngs.isEmpty()) {
        return PngFolder.plan(d, pngs);
      }
    }
    for (Path d : List.of(dir.resolve(OutputLayout.NPZ_DIR), dir)) {
      List<String> shards = list(d, ".npz");
      if (!shards.isEmpty()) {
        return NpzShards.plan(d, shards);
      }
    }
    throw new IllegalArgumentException(option + " " + dir + ": no images: expected *.png or npz shards (*.npz) in "
        + "the folder or in its samples/ or npz/ subfolder");
  }

  /** The sorted names of the regular files in a folder with the given suffix (none if it is not a folder). */
  private static List<String> list(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(suffix) && !n.startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot list (" + e.getMessage() + ")", e);
    }
  }
}
