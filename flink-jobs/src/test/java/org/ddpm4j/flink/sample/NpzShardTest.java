package org.ddpm4j.flink.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.ddpm4j.image.Uint8Images;
import org.junit.jupiter.api.Test;

class NpzShardTest {
  private static byte[] encode(Uint8Images images, long[] indices) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NpzShard.write(out, images, indices);
    return out.toByteArray();
  }

  /** The stored entries of a zip archive, by name. */
  private static Map<String, byte[]> entries(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        assertEquals(ZipEntry.STORED, e.getMethod(), "numpy.savez stores entries uncompressed");
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  /** Splits an .npy file into its header text and data, checking the magic, version and 64-byte alignment. */
  private static String header(byte[] npy) {
    assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, Arrays.copyOf(npy, 8));
    int len = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
    assertEquals(0, (10 + len) % 64, "data starts on a 64-byte boundary");
    String header = new String(npy, 10, len, StandardCharsets.US_ASCII);
    assertTrue(header.endsWith("\n"));
    return header.trim();
  }

  @Test
  void holdsTheImagesAsArr0AndTheIndicesAsInt64() throws IOException {
    byte[] pixels = new byte[2 * 3 * 4 * 3];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 7);
    }
    Map<String, byte[]> npz = entries(encode(new Uint8Images(2, 3, 4, 3, pixels), new long[] {40, 41}));

    assertEquals(java.util.List.of("arr_0.npy", "indices.npy"), java.util.List.copyOf(npz.keySet()));
    byte[] images = npz.get("arr_0.npy");
    assertEquals("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 3, 4, 3), }", header(images));
    assertArrayEquals(pixels, Arrays.copyOfRange(images, images.length - pixels.length, images.length));
    byte[] indices = npz.get("indices.npy");
    assertEquals("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", header(indices));
    ByteBuffer ids = ByteBuffer.wrap(indices, indices.length - 16, 16).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(40, ids.getLong());
    assertEquals(41, ids.getLong());
  }

  @Test
  void theSameBatchGivesTheSameBytes() throws IOException {
    Uint8Images images = new Uint8Images(1, 2, 2, 1, new byte[] {1, 2, 3, 4});
    byte[] first = encode(images, new long[] {9});
    assertArrayEquals(first, encode(images, new long[] {9}));
  }
}
