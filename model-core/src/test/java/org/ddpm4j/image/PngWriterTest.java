package org.ddpm4j.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngWriterTest {
  @TempDir Path dir;

  static Uint8Images random(int n, int h, int w, int c, long seed) {
    byte[] px = new byte[n * h * w * c];
    new SplittableRandom(seed).nextBytes(px);
    return new Uint8Images(n, h, w, c, px);
  }

  @Test
  void rgbAndGrayFilesHoldTheExactBytes() throws Exception {
    for (int c : new int[] {1, 3}) {
      Uint8Images batch = random(3, 7, 5, c, 42 + c);
      PngWriter.writeAll(batch, dir, i -> "c" + c + "_" + i + ".png");
      for (int i = 0; i < 3; i++) {
        Path file = dir.resolve("c" + c + "_" + i + ".png");
        RawPng raw = RawPng.decode(Files.readAllBytes(file));
        assertEquals(8, raw.bitDepth());
        assertEquals(c == 1 ? 0 : 2, raw.colourType(), "PNG colour type");
        assertEquals(5, raw.width());
        assertEquals(7, raw.height());
        assertArrayEquals(batch.sample(i), raw.pixels(), "independent decode of " + file);
        assertEquals(batch.single(i), PngReader.read(file, 7, 5, c), "PngReader of " + file);
      }
    }
  }

  @Test
  void encodeGivesTheFileBytes() throws Exception {
    Uint8Images img = random(2, 4, 4, 3, 7);
    PngWriter.write(img, 1, dir.resolve("a.png"));
    assertArrayEquals(Files.readAllBytes(dir.resolve("a.png")), PngWriter.encode(img, 1));
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("x.png");
    Files.writeString(target, "old");
    PngWriter.write(random(1, 3, 3, 1, 1), 0, target);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
    assertEquals(random(1, 3, 3, 1, 1), PngReader.read(target));
  }

  @Test
  void rejectsUnsupportedChannelsAndIndex() {
    Uint8Images rgba = random(1, 2, 2, 4, 3);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PngWriter.encode(rgba, 0));
    assertTrue(e.getMessage().contains("got 4"), e.getMessage());
    IndexOutOfBoundsException out =
        assertThrows(IndexOutOfBoundsException.class, () -> PngWriter.encode(random(2, 2, 2, 1, 3), 2));
    assertEquals("sample 2 out of range for a batch of 2", out.getMessage());
  }
}
