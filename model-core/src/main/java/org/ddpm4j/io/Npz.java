package org.ddpm4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The numpy {@code .npz} format: a ZIP archive with one {@code <key>.npy} entry per array. Reads stored and
 * deflated entries (what {@code np.savez} and {@code np.savez_compressed} write, zip64 included); writes stored
 * entries with a fixed timestamp, so the same arrays give the same bytes.
 */
public final class Npz {
  private static final String SUFFIX = ".npy";
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private final Path file;
  private final Map<String, NpyArray> arrays;

  private Npz(Path file, Map<String, NpyArray> arrays) {
    this.file = file;
    this.arrays = arrays;
  }

  /** The file that was read. */
  public Path file() {
    return file;
  }

  /** The arrays by key (entry name without {@code .npy}), in archive order. */
  public Map<String, NpyArray> arrays() {
    return Collections.unmodifiableMap(arrays);
  }

  /** Whether the archive holds the key. */
  public boolean contains(String key) {
    return arrays.containsKey(key);
  }

  /**
   * The array for a key.
   *
   * @throws CheckpointException naming the file, the key and the keys present when it is missing
   */
  public NpyArray get(String key) {
    NpyArray a = arrays.get(key);
    if (a == null) {
      throw new CheckpointException(file + ": no array '" + key + "' (arrays present: " + arrays.keySet() + ")");
    }
    return a;
  }

  /**
   * Reads every {@code .npy} entry of an archive (other entries are ignored).
   *
   * @throws CheckpointException naming the file (and array) for an unreadable archive or a bad entry
   */
  public static Npz read(Path file) {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.isDirectory() || !e.getName().endsWith(SUFFIX)) {
          continue;
        }
        String key = e.getName().substring(0, e.getName().length() - SUFFIX.length());
        byte[] bytes;
        try (var in = zip.getInputStream(e)) {
          bytes = in.readAllBytes();
        }
        arrays.put(key, Npy.decode(ByteBuffer.wrap(bytes), file + ": array '" + key + "'"));
      }
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read as .npz (" + e.getMessage() + ")", e);
    }
    return new Npz(file, arrays);
  }

  /**
   * Writes arrays to an archive atomically (temporary file, then rename), one stored {@code <key>.npy} entry each,
   * in the map's order.
   *
   * @throws IllegalArgumentException for an empty key
   */
  public static void write(Path file, Map<String, NpyArray> arrays) {
    for (String key : arrays.keySet()) {
      if (key.isEmpty()) {
        throw new IllegalArgumentException(file + ": empty array key");
      }
    }
    AtomicFiles.write(file, out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      for (Map.Entry<String, NpyArray> a : arrays.entrySet()) {
        byte[] header = Npy.header(a.getValue());
        ZipEntry e = new ZipEntry(a.getKey() + SUFFIX);
        e.setMethod(ZipEntry.STORED);
        e.setTimeLocal(FIXED_TIME);
        long size = Npy.encodedSize(header, a.getValue());
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(Npy.crc32(header, a.getValue()));
        zip.putNextEntry(e);
        zip.write(header);
        Npy.writeData(zip, a.getValue().data());
        zip.closeEntry();
      }
      zip.finish();
    });
  }
}
