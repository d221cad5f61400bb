package org.ddpm4j.flink.fid;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.ddpm4j.io.NpyArray;
import org.ddpm4j.io.Npz;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad inputs fail with one message naming the input (and the file, where there is one) and what is wrong, and leave
 * no report. All but the last three cases fail on the client, before any job.
 */
class FidJobBadInputTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());


  /**
   * One bad input.
   *
   * @param name the case
   * @param samples makes the {@code --samples} argument in a temporary folder
   * @param reference makes the {@code --reference} argument in a temporary folder
   * @param extractor the network
   * @param expected what the message must contain, with {@code TMP} standing for the temporary folder
   */
  record Case(String name, Function<Path, String> samples, Function<Path, String> reference,
      ExtractorFactory extractor, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final ExtractorFactory FMNIST = ExtractorFactory.of("fmnist", FmnistFixture.CLASSIFIER);

  static Stream<Case> cases() {
    Function<Path, String> pngs = tmp -> pngs(tmp, "ok", 4).toString();
    return Stream.of(
        new Case("missing folder", tmp -> tmp.resolve("nothing").toString(), pngs, FMNIST,
            List.of("--samples TMP/nothing: no such file or folder")),
        new Case("folder without images", tmp -> dir(tmp, "empty").toString(), pngs, FMNIST,
            List.of("--samples TMP/empty: no images")),
        new Case("wrong size and channels", tmp -> rgbPngs(tmp, "rgb", 3).toString(), pngs, FMNIST,
            List.of("samples (PNG folder TMP/rgb): images are 32x32 with 3 channel(s), but the fmnist extractor "
                + "takes 28x28 with 1 channel(s)")),
        new Case("one sample", tmp -> pngs(tmp, "one", 1).toString(), pngs, FMNIST,
            List.of("samples (PNG folder TMP/one): 1 image(s); FID needs at least 2")),
        new Case("npz without mu and sigma", pngs, tmp -> npz(tmp, "shard.npz",
            Map.of("arr_0", NpyArray.ofUnsignedBytes(new long[] {1, 28, 28, 1}, new byte[784]))), FMNIST,
            List.of("TMP/shard.npz: not FID statistics: needs arrays 'mu' and 'sigma'")),
        new Case("npz of mismatched dimensions", pngs, tmp -> npz(tmp, "bad.npz", Map.of(
            "mu", NpyArray.ofDoubles(new long[] {256}, new double[256]),
            "sigma", NpyArray.ofDoubles(new long[] {255, 255}, new double[255 * 255]))), FMNIST,
            List.of("TMP/bad.npz: mismatched dimensions")),
        new Case("npz of another network", pngs, tmp -> npz(tmp, "inception.npz", Map.of(
            "mu", NpyArray.ofDoubles(new long[] {64}, new double[64]),
            "sigma", NpyArray.ofDoubles(new long[] {64, 64}, new double[64 * 64]))), FMNIST,
            List.of("reference (statistics file TMP/inception.npz): statistics of dimension 64, but the fmnist "
                + "extractor gives 256-d features")),
        new Case("non-finite statistics", pngs, tmp -> npz(tmp, "nan.npz", Map.of(
            "mu", NpyArray.ofDoubles(new long[] {2}, new double[] {0, Double.NaN}),
            "sigma", NpyArray.ofDoubles(new long[] {2, 2}, new double[4]))), FMNIST,
            List.of("TMP/nan.npz: 'mu' has a non-finite value NaN")),
        new Case("an image of another size (in the job)", tmp -> {
          Path dir = pngs(tmp, "mixed", 4);
          writeRgb(dir.resolve("002.png"), 32);
          return dir.toString();
        }, pngs, FMNIST, List.of("TMP/mixed/002.png: image is 32x32 with 3 channel(s), but the first image of PNG "
            + "folder TMP/mixed (000.png) is 28x28 with 1 channel(s)")),
        new Case("non-finite features (in the job)", tmp -> pngs(tmp, "nan", 6).toString(), pngs, new NanFeatures(),
            List.of("samples (PNG folder TMP/nan), images 0..5: nan-test features: non-finite value NaN at sample 3"
                + ", feature 0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsNamingTheInput(Case c, @TempDir Path tmp) {
    FidJobSettings settings = new FidJobSettings(c.samples().apply(tmp), c.reference().apply(tmp),
        tmp.resolve("out"), 1, 16, 0, 10, 10, 0, false, 0);
    RuntimeException e = assertThrows(RuntimeException.class, () -> FidJob.run(settings, c.extractor()));
    String message = e.getMessage().replace(tmp.toString(), "TMP");
    assertAll(Stream.concat(
        c.expected().stream().map(x -> () -> assertTrue(message.contains(x), "expected '" + x + "' in: " + message)),
        Stream.of(() -> assertFalse(Files.exists(settings.report()), "no report after a failure"))));
  }

  private static Path dir(Path tmp, String name) {
    try {
      return Files.createDirectories(tmp.resolve(name));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path pngs(Path tmp, String name, int n) {
    Path dir = tmp.resolve(name);
    return Files.isDirectory(dir) ? dir : FmnistFixture.pngs(dir(tmp, name), 0, n);
  }

  private static Path rgbPngs(Path tmp, String name, int n) {
    Path dir = dir(tmp, name);
    for (int i = 0; i < n; i++) {
      writeRgb(dir.resolve(String.format("%03d.png", i)), 32);
    }
    return dir;
  }

  private static void writeRgb(Path file, int size) {
    try {
      ImageIO.write(new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR), "png", file.toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String npz(Path tmp, String name, Map<String, NpyArray> arrays) {
    Path file = tmp.resolve(name);
    Npz.write(file, new java.util.TreeMap<>(arrays));
    return file.toString();
  }
}
