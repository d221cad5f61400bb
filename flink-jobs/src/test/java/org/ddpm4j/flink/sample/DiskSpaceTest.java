package org.ddpm4j.flink.sample;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DiskSpaceTest {
  private static final ImageShape CIFAR = new ImageShape(32, 32, 3);

  @Test
  void theBoundHoldsForIncompressibleNoise() throws Exception {
    BufferedImage noise = new BufferedImage(32, 32, BufferedImage.TYPE_3BYTE_BGR);
    Random r = new Random(1);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        noise.setRGB(x, y, r.nextInt());
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(noise, "png", png);
    long bound = DiskSpace.bound(CIFAR, OutputFormat.PNG, 1, 1, 1);
    assertTrue(png.size() <= bound, png.size() + " > " + bound);
    assertTrue(bound < 2 * CIFAR.bytes(), "the bound is not absurdly loose: " + bound);
  }

  @Test
  void filesAreRoundedToWholeBlocksAndFormatsAdd() {
    assertEquals(10 * 4096, DiskSpace.bound(CIFAR, OutputFormat.PNG, 10, 1, 4096));
    long npz = DiskSpace.bound(CIFAR, OutputFormat.NPZ, 64, 2, 4096);
    assertEquals(2 * 102400, npz, "32 x (3072 + 8) + 1024 = 99584 bytes -> 25 blocks per shard");
    assertEquals(10 * 4096 + DiskSpace.bound(CIFAR, OutputFormat.NPZ, 10, 1, 4096),
        DiskSpace.bound(CIFAR, OutputFormat.BOTH, 10, 1, 4096));
  }

  @Test
  void tooLittleSpaceIsAClearErrorNamingTheFolderAndSizes() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DiskSpace.require(Path.of("/data/out"), 3 * 1048576L, 1048576L));
    assertEquals("--out /data/out: not enough disk space: the samples need up to 3.00 MiB, only 1.00 MiB are free",
        e.getMessage());
    assertDoesNotThrow(() -> DiskSpace.require(Path.of("/data/out"), 1048576L, 1048576L));
  }
}
