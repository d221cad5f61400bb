package org.ddpm4j.flink.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks before the job that the output file system has room for the files still to write, from an upper bound of
 * their sizes, so that a disk that is already too full fails at once rather than hours into the job. (A disk that
 * fills up during the job fails the write that hits it; the job then fails without a manifest.)
 */
final class DiskSpace {
  /** PNG signature, IHDR, IEND and the chunk framing, rounded up. */
  private static final long PNG_OVERHEAD = 256;
  /** The npz container (zip entries of two .npy files with their headers), rounded up. */
  private static final long NPZ_OVERHEAD = 1024;
  /** The block size assumed when the file system does not say. */
  private static final long DEFAULT_BLOCK = 4096;

  private DiskSpace() {}

  /**
   * An upper bound of the bytes the files of {@code samples} samples in {@code batches} batches take on disk, each
   * file rounded up to whole blocks. A PNG stores each row with a filter byte, zlib's {@code deflateBound} limits the
   * compressed size, and the data may be split into IDAT chunks of 12 bytes framing each (one per 8 KiB counted).
   */
  static long bound(ImageShape shape, OutputFormat format, long samples, long batches, long blockSize) {
    long raw = shape.bytes();
    long bytes = 0;
    if (format.writesPng()) {
      long filtered = raw + shape.height();
      long deflated = filtered + (filtered >> 12) + (filtered >> 14) + (filtered >> 25) + 19;
      bytes += samples * blocks(deflated + 12 * (deflated / 8192 + 1) + PNG_OVERHEAD, blockSize);
    }
    if (format.writesNpz() && batches > 0) {
      long perShard = (samples + batches - 1) / batches * (raw + Long.BYTES) + NPZ_OVERHEAD;
      bytes += batches * blocks(perShard, blockSize);
    }
    return bytes;
  }

  /**
   * Fails when {@code needed} bytes exceed {@code usable}.
   *
   * @throws IllegalStateException naming the folder and both sizes
   */
  static void require(Path dir, long needed, long usable) {
    if (needed > usable) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "--out %s: not enough disk space: the samples need up to %s, only %s are free", dir, mib(needed),
          mib(usable)));
    }
  }

  /** Checks that the folder's file store has room for the files of {@code samples} samples. */
  static void require(Path dir, ImageShape shape, OutputFormat format, long samples, long batches) {
    try {
      FileStore store = Files.getFileStore(dir);
      require(dir, bound(shape, format, samples, batches, blockSize(store)), store.getUsableSpace());
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + dir + ": cannot read the free space (" + e + ")", e);
    }
  }

  private static long blockSize(FileStore store) {
    try {
      long b = store.getBlockSize();
      return b > 0 ? b : DEFAULT_BLOCK;
    } catch (IOException | UnsupportedOperationException e) {
      return DEFAULT_BLOCK;
    }
  }

  private static long blocks(long bytes, long blockSize) {
    return (bytes + blockSize - 1) / blockSize * blockSize;
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.2f MiB", bytes / 1048576.0);
  }
}
