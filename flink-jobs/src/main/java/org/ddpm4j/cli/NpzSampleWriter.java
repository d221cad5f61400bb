package org.ddpm4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.LongStream;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.io.NpyArray;
import org.ddpm4j.io.Npz;

/**
 * All samples in one {@code samples.npz}, as {@code numpy.savez(f, arr_0=images, indices=indices)} writes it:
 * {@code arr_0} uint8 [n, H, W, C] (the array FID tools read) and {@code indices} int64 [n], the global index of each
 * row (here 0..n-1), the layout of the Flink job's npz shards.
 */
final class NpzSampleWriter extends CollectingSampleWriter {
  /** The file name in the output folder. */
  static final String FILE_NAME = "samples.npz";
  /** The images' key. */
  static final String IMAGES = "arr_0";
  /** The indices' key. */
  static final String INDICES = "indices";

  NpzSampleWriter(Path dir, int n) {
    super(dir.resolve(FILE_NAME), n);
  }

  @Override
  void writeAll(Uint8Images all, Path file) {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    arrays.put(IMAGES, NpyArray.ofUnsignedBytes(
        new long[] {all.n(), all.height(), all.width(), all.channels()}, all.nhwc()));
    arrays.put(INDICES, NpyArray.ofLongs(new long[] {all.n()}, LongStream.range(0, all.n()).toArray()));
    Npz.write(file, arrays);
  }
}
