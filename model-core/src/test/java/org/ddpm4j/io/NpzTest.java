package org.ddpm4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ddpm4j.conformance.GoldenDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
  @TempDir
  Path tmp;

  @Test
  void readsNumpysCompressedZip64ArchivesExactly() {
    Path dir = GoldenDir.root().resolve("metrics");
    SafeTensors fid = SafeTensors.read(dir.resolve("fid.safetensors"));
    Npz npz = Npz.read(dir.resolve("fid_stats_b64_set2.npz"));
    assertEquals(List.of("mu", "sigma"), List.copyOf(npz.arrays().keySet()));
    assertEquals(NpyType.FLOAT64, npz.get("sigma").type());
    assertArrayEquals(new long[] {64, 64}, npz.get("sigma").shape());
    assertArrayEquals(fid.get("b64.sigma2").toDoubles(), npz.get("sigma").toDoubles(), 0.0);
    assertArrayEquals(fid.get("b64.mu2").toDoubles(), npz.get("mu").toDoubles(), 0.0);
  }

  @Test
  void writesStoredEntriesInOrderAndTheSameBytesEachTime() throws IOException {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    arrays.put("z", NpyArray.ofFloats(new long[] {2}, new float[] {1, 2}));
    arrays.put("a", NpyArray.ofLongs(new long[] {3}, new long[] {7, 8, 9}));
    Path f1 = tmp.resolve("one.npz");
    Path f2 = tmp.resolve("two.npz");
    Npz.write(f1, arrays);
    Npz.write(f2, arrays);
    assertArrayEquals(Files.readAllBytes(f1), Files.readAllBytes(f2));
    try (ZipFile zip = new ZipFile(f1.toFile())) {
      List<String> names = zip.stream().map(ZipEntry::getName).toList();
      assertEquals(List.of("z.npy", "a.npy"), names);
      zip.stream().forEach(e -> assertEquals(ZipEntry.STORED, e.getMethod(), e.getName()));
    }
    Npz back = Npz.read(f1);
    assertEquals(arrays, back.arrays());
  }

  @Test
  void missingKeyNamesFileKeyAndTheKeysPresent() {
    Path f = tmp.resolve("x.npz");
    Npz.write(f, Map.of("only", NpyArray.ofInts(new long[] {1}, new int[] {1})));
    var e = assertThrows(CheckpointException.class, () -> Npz.read(f).get("mu"));
    assertTrue(e.getMessage().contains(f + ": no array 'mu'") && e.getMessage().contains("[only]"), e.getMessage());
  }

  @Test
  void notAZipIsNamed() throws IOException {
    Path f = tmp.resolve("broken.npz");
    Files.writeString(f, "not a zip");
    var e = assertThrows(CheckpointException.class, () -> Npz.read(f));
    assertTrue(e.getMessage().startsWith(f + ": cannot read as .npz"), e.getMessage());
  }
}
