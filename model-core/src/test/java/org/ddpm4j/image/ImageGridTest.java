package org.ddpm4j.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
  @TempDir Path dir;

  /** n RGB samples of h x w; sample k has the value 10 * (k + 1) + channel everywhere. */
  private static Uint8Images constant(int n, int h, int w) {
    byte[] px = new byte[n * h * w * 3];
    for (int i = 0; i < px.length; i++) {
      int k = i / (h * w * 3);
      px[i] = (byte) (10 * (k + 1) + i % 3);
    }
    return new Uint8Images(n, h, w, 3, px);
  }

  @Test
  void defaultLayoutIsCeilSqrtPerRow() {
    assertEquals(1, GridLayout.square(1).perRow());
    assertEquals(2, GridLayout.square(4).perRow());
    assertEquals(3, GridLayout.square(5).perRow());
    assertEquals(8, GridLayout.square(64).perRow());
    assertEquals(9, GridLayout.square(65).perRow());
    assertEquals(46341, GridLayout.ceilSqrt(Integer.MAX_VALUE));
  }

  @Test
  void placesSamplesRowMajorWithPadding() {
    // 5 samples of 2x3 with 3 per row and padding 2: 2 rows -> 2*(2+2)+2 = 10 high, 3*(3+2)+2 = 17 wide
    Uint8Images grid = ImageGrid.compose(constant(5, 2, 3), new GridLayout(3, 2, 7));
    assertEquals(10, grid.height());
    assertEquals(17, grid.width());
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 17; x++) {
        int row = (y - 2) / 4;
        int col = (x - 2) / 5;
        boolean inCell = y >= 2 && x >= 2 && (y - 2) % 4 < 2 && (x - 2) % 5 < 3;
        int k = row * 3 + col;
        for (int c = 0; c < 3; c++) {
          int expected = inCell && k < 5 ? 10 * (k + 1) + c : 7;
          assertEquals(expected, grid.get(0, y, x, c), "pixel y=" + y + " x=" + x + " c=" + c);
        }
      }
    }
  }

  @Test
  void fewerSamplesThanPerRowGiveOneNarrowRow() {
    Uint8Images grid = ImageGrid.compose(constant(2, 4, 4), new GridLayout(8, 1, 0));
    assertEquals(6, grid.height());
    assertEquals(11, grid.width());
  }

  @Test
  void writesAReadablePng() {
    Path file = dir.resolve("grid.png");
    Uint8Images images = constant(4, 3, 3);
    ImageGrid.write(images, GridLayout.square(4), file); // 2 x 2 cells of 3 + 2 padding, + 2: 12 x 12
    assertEquals(ImageGrid.compose(images, GridLayout.square(4)), PngReader.read(file, 12, 12, 3));
  }

  @Test
  void rejectsBadLayouts() {
    assertThrows(IllegalArgumentException.class, () -> new GridLayout(0, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> new GridLayout(2, -1, 0));
    assertThrows(IllegalArgumentException.class, () -> new GridLayout(2, 2, 256));
  }
}
