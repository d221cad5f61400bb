package org.ddpm4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipFile;
import org.ddpm4j.conformance.GoldenDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
  @TempDir
  Path tmp;

  @Test
  void everyTypeAndShapeRoundTrips() {
    NpyArray[] arrays = {
      NpyArray.ofDoubles(new long[] {2, 3}, new double[] {1.5, -2, Math.PI, 0, Double.MIN_VALUE, 1e300}),
      NpyArray.ofFloats(new long[] {3}, new float[] {1.25f, -0f, Float.MAX_VALUE}),
      NpyArray.ofLongs(new long[] {}, new long[] {Long.MIN_VALUE}),
      NpyArray.ofInts(new long[] {1, 2, 2}, new int[] {1, -2, 3, Integer.MAX_VALUE}),
      NpyArray.ofUnsignedBytes(new long[] {0, 4}, new byte[0]),
      NpyArray.ofUnsignedBytes(new long[] {2, 2}, new byte[] {0, 1, (byte) 200, (byte) 255}),
      NpyArray.ofBooleans(new long[] {3}, new boolean[] {true, false, true}),
    };
    for (NpyArray a : arrays) {
      Path f = tmp.resolve("a.npy");
      Npy.write(f, a);
      NpyArray back = Npy.read(f);
      assertEquals(a, back, a.toString());
      assertArrayEquals(a.shape(), back.shape());
    }
    assertArrayEquals(new double[] {200, 255}, Arrays.copyOfRange(
        NpyArray.ofUnsignedBytes(new long[] {4}, new byte[] {0, 1, (byte) 200, (byte) 255}).toDoubles(), 2, 4));
  }

  @Test
  void headerIsByteIdenticalToWhatNumpyWroteInTheGoldenArchive() throws IOException {
    Path npz = GoldenDir.root().resolve("metrics/fid_stats_c_set1.npz");
    byte[] numpy;
    try (ZipFile zip = new ZipFile(npz.toFile())) {
      numpy = zip.getInputStream(zip.getEntry("mu.npy")).readAllBytes();
    }
    NpyArray mu = Npy.decode(java.nio.ByteBuffer.wrap(numpy), "golden mu");
    byte[] header = Npy.header(mu);
    assertEquals(0, header.length % 64, "data starts at a multiple of 64 bytes");
    assertArrayEquals(Arrays.copyOf(numpy, header.length), header);
    assertEquals(numpy.length, header.length + 8 * 64);
  }

  @Test
  void aHeaderOver64KiBSwitchesToVersion2() {
    long[] shape = new long[23_000];
    Arrays.fill(shape, 1);
    NpyArray a = NpyArray.ofDoubles(shape, new double[] {42});
    byte[] header = Npy.header(a);
    assertEquals(2, header[6], "major version");
    Path f = tmp.resolve("v2.npy");
    Npy.write(f, a);
    assertEquals(a, Npy.read(f));
  }

  private Path npyWithHeader(String dict, byte[] data) throws IOException {
    byte[] h = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[10 + h.length + data.length];
    byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length, (byte) (h.length >> 8)};
    System.arraycopy(magic, 0, out, 0, 10);
    System.arraycopy(h, 0, out, 10, h.length);
    System.arraycopy(data, 0, out, 10 + h.length, data.length);
    Path f = tmp.resolve("bad.npy");
    Files.write(f, out);
    return f;
  }

  @Test
  void badFilesAreRejectedNamingTheFileAndTheProblem() throws IOException {
    Path fortran = npyWithHeader("{'descr': '<f8', 'fortran_order': True, 'shape': (1,), }", new byte[8]);
    var e = assertThrows(CheckpointException.class, () -> Npy.read(fortran));
    assertTrue(e.getMessage().contains(fortran.toString()) && e.getMessage().contains("Fortran"), e.getMessage());

    Path bigEndian = npyWithHeader("{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }", new byte[8]);
    e = assertThrows(CheckpointException.class, () -> Npy.read(bigEndian));
    assertTrue(e.getMessage().contains("unsupported dtype '>f8'"), e.getMessage());

    Path complex = npyWithHeader("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", new byte[16]);
    e = assertThrows(CheckpointException.class, () -> Npy.read(complex));
    assertTrue(e.getMessage().contains("unsupported dtype '<c16'"), e.getMessage());

    Path truncated = npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", new byte[16]);
    e = assertThrows(CheckpointException.class, () -> Npy.read(truncated));
    assertTrue(e.getMessage().contains("truncated data") && e.getMessage().contains("needs 24 bytes"),
        e.getMessage());

    Path noShape = npyWithHeader("{'descr': '<f8', 'fortran_order': False, }", new byte[8]);
    e = assertThrows(CheckpointException.class, () -> Npy.read(noShape));
    assertTrue(e.getMessage().contains("'shape'"), e.getMessage());

    Path notNpy = tmp.resolve("text.npy");
    Files.writeString(notNpy, "hello, this is text");
    e = assertThrows(CheckpointException.class, () -> Npy.read(notNpy));
    assertTrue(e.getMessage().contains(notNpy + ": not an .npy array"), e.getMessage());
  }
}
