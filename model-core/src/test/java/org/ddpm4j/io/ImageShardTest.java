package org.ddpm4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageShardTest {
  @TempDir
  Path tmp;

  @Test
  void roundTripsImagesAndIndicesUnderTheirKeys() {
    byte[] pixels = new byte[2 * 3 * 4 * 3];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 7);
    }
    ImageShard shard = new ImageShard(2, 3, 4, 3, pixels, new long[] {1_000_000_007L, 5});
    Path f = tmp.resolve("shard.npz");
    shard.write(f);
    assertEquals(shard, ImageShard.read(f));
    Npz npz = Npz.read(f);
    assertEquals(NpyType.UINT8, npz.get(ImageShard.IMAGES).type());
    assertEquals(NpyType.INT64, npz.get(ImageShard.INDICES).type());
  }

  @Test
  void rejectsMismatchedOrMissingArraysNamingTheFile() {
    assertThrows(IllegalArgumentException.class, () -> new ImageShard(2, 2, 2, 1, new byte[8], new long[] {0}));
    Path f = tmp.resolve("bad.npz");
    Npz.write(f, Map.of(ImageShard.IMAGES, NpyArray.ofFloats(new long[] {1, 1, 1, 1}, new float[] {0})));
    var e = assertThrows(CheckpointException.class, () -> ImageShard.read(f));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
  }
}
