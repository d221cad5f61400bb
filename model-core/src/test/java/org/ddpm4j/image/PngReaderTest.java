package org.ddpm4j.image;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngReaderTest {
  @TempDir Path dir;

  @Test
  void rejectsEachBadFileNamingFileAndProblem() throws Exception {
    Path rgb = dir.resolve("rgb.png");
    PngWriter.write(PngWriterTest.random(1, 6, 4, 3, 5), 0, rgb);
    byte[] bytes = Files.readAllBytes(rgb);
    Path truncated = Files.write(dir.resolve("truncated.png"), Arrays.copyOf(bytes, bytes.length / 2));
    Path text = Files.writeString(dir.resolve("text.png"), "not an image at all");
    Path palette =
        ImageFixtures.write(dir.resolve("palette.png"), "png", BufferedImage.TYPE_BYTE_INDEXED, 4, 4, (x, y, b) -> x);
    Path alpha =
        ImageFixtures.write(dir.resolve("alpha.png"), "png", BufferedImage.TYPE_4BYTE_ABGR, 4, 4, (x, y, b) -> 9);
    Path deep =
        ImageFixtures.write(dir.resolve("deep.png"), "png", BufferedImage.TYPE_USHORT_GRAY, 4, 4, (x, y, b) -> 999);
    Path jpeg =
        ImageFixtures.write(dir.resolve("photo.jpg"), "jpg", BufferedImage.TYPE_3BYTE_BGR, 8, 8, (x, y, b) -> 100);

    Map<String, Supplier<Uint8Images>> cases = new LinkedHashMap<>();
    cases.put(rgb + ": image is 6x4 with 3 channel(s), expected 6x6 with 3", () -> PngReader.read(rgb, 6, 6, 3));
    cases.put(rgb + ": image is 6x4 with 3 channel(s), expected 6x4 with 1", () -> PngReader.read(rgb, 6, 4, 1));
    cases.put(truncated + ": cannot decode image", () -> PngReader.read(truncated));
    cases.put(text + ": not an image", () -> PngReader.read(text));
    cases.put(dir.resolve("missing.png") + ": no such file", () -> PngReader.read(dir.resolve("missing.png")));
    cases.put(palette + ": not an 8-bit gray or RGB PNG (palette", () -> PngReader.read(palette));
    cases.put(alpha + ": not an 8-bit gray or RGB PNG (4 components with alpha, 8-bit)", () -> PngReader.read(alpha));
    cases.put(deep + ": not an 8-bit gray or RGB PNG (1 components, 16-bit)", () -> PngReader.read(deep));
    cases.put(jpeg + ": not a PNG (found JPEG)", () -> PngReader.read(jpeg));
    for (var c : cases.entrySet()) {
      ImageFileException e = assertThrows(ImageFileException.class, c.getValue()::get, c.getKey());
      assertTrue(e.getMessage().startsWith(c.getKey()), "expected '" + c.getKey() + "...', got: " + e.getMessage());
    }
  }
}
