package org.ddpm4j.eval.fmnist;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import org.ddpm4j.eval.ImageBatch;
import org.ddpm4j.image.Uint8Images;
import org.ddpm4j.train.data.Batch;

/** Builds uint8 [N, C, H, W] arrays, the classifier's input, from 8-bit NHWC images and NCHW image batches. */
final class ImageBatches {
  private ImageBatches() {}

  /** Images {@code from .. to - 1} as a uint8 array [to - from, C, H, W] owned by {@code manager}. */
  static NDArray range(NDManager manager, Uint8Images images, int from, int to) {
    if (from < 0 || to > images.n() || from > to) {
      throw new IndexOutOfBoundsException("images " + from + ".." + to + " out of range for " + images);
    }
    int size = images.sampleSize();
    ByteBuffer data = ByteBuffer.allocateDirect((to - from) * size);
    data.put(images.nhwc(), from * size, (to - from) * size).flip();
    return nchw(manager, data, to - from, images);
  }

  /** Images {@code from .. to - 1} of a batch as a uint8 array [to - from, C, H, W] owned by {@code manager}. */
  static NDArray range(NDManager manager, ImageBatch images, int from, int to) {
    int size = images.channels() * images.height() * images.width();
    ByteBuffer data = ByteBuffer.allocateDirect((to - from) * size);
    data.put(images.pixels(), from * size, (to - from) * size).flip();
    return manager.create(
        data, new Shape(to - from, images.channels(), images.height(), images.width()), DataType.UINT8);
  }

  /** The images of a training batch, each mirrored left-right where the batch says so. */
  static NDArray gather(NDManager manager, Uint8Images images, Batch batch) {
    int size = images.sampleSize();
    int pixel = images.channels();
    int row = images.width() * pixel;
    byte[] src = images.nhwc();
    int n = batch.indices().length;
    byte[] out = new byte[n * size];
    for (int j = 0; j < n; j++) {
      int base = batch.indices()[j] * size;
      if (!batch.flipped()[j]) {
        System.arraycopy(src, base, out, j * size, size);
        continue;
      }
      for (int y = 0; y < images.height(); y++) {
        for (int x = 0; x < images.width(); x++) {
          System.arraycopy(src, base + y * row + x * pixel, out, j * size + y * row + (images.width() - 1 - x) * pixel,
              pixel);
        }
      }
    }
    ByteBuffer data = ByteBuffer.allocateDirect(out.length);
    data.put(out).flip();
    return nchw(manager, data, n, images);
  }

  private static NDArray nchw(NDManager manager, ByteBuffer nhwc, int n, Uint8Images like) {
    NDArray a = manager.create(nhwc, new Shape(n, like.height(), like.width(), like.channels()), DataType.UINT8);
    NDArray t = like.channels() == 1 ? a.reshape(n, 1, like.height(), like.width()) : a.transpose(0, 3, 1, 2);
    a.close();
    return t;
  }
}
