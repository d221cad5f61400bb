package org.ddpm4j.flink.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test helper: the files of an output folder. */
final class OutputFiles {
  private OutputFiles() {}

  /** Every regular file under {@code samples/} and {@code npz/}, by path relative to the folder, with its bytes. */
  static Map<String, byte[]> samples(Path out) {
    Map<String, byte[]> files = new TreeMap<>();
    for (String sub : new String[] {OutputLayout.SAMPLES_DIR, OutputLayout.NPZ_DIR}) {
      Path dir = out.resolve(sub);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : (Iterable<Path>) s.sorted()::iterator) {
          files.put(out.relativize(p).toString(), Files.readAllBytes(p));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  /** Asserts that two folders hold the same file names with the same bytes. */
  static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    org.junit.jupiter.api.Assertions.assertEquals(expected.keySet(), actual.keySet(), "file names");
    for (var e : expected.entrySet()) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(e.getValue(), actual.get(e.getKey()), e.getKey());
    }
  }
}
