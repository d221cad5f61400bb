package org.ddpm4j.flink.fid;

import java.io.Serializable;
import org.ddpm4j.eval.ImageBatch;
import org.ddpm4j.flink.sample.ImageShape;
import org.ddpm4j.image.Uint8Images;

/**
 * One side's images, read in index ranges by the subtasks. Implementations are planned on the client (file list,
 * image count, the shape of the first image) and shipped to the subtasks; every image must have the planned shape.
 */
sealed interface ImageInput extends Serializable permits PngFolder, NpzShards, DatasetImages {

  /** What the input is, for messages and the report: e.g. "PNG folder /data/run/samples". */
  String describe();

  /** The kind for the report: {@code png-folder}, {@code npz-shards} or the dataset's name. */
  String kind();

  /** The number of images. */
  int count();

  /** The shape every image has. */
  ImageShape shape();

  /**
   * Images {@code [from, to)} as uint8 NCHW with the input's own channel count.
   *
   * @throws org.ddpm4j.io.CheckpointException naming the file when an image cannot be read or has another shape
   */
  ImageBatch read(int from, int to);

  /** NHWC images as an NCHW batch. */
  static ImageBatch nchw(Uint8Images images) {
    int n = images.n();
    int c = images.channels();
    int plane = images.height() * images.width();
    byte[] src = images.nhwc();
    byte[] out = new byte[src.length];
    for (int i = 0; i < n; i++) {
      int base = i * plane * c;
      for (int p = 0; p < plane; p++) {
        for (int ch = 0; ch < c; ch++) {
          out[base + ch * plane + p] = src[base + p * c + ch];
        }
      }
    }
    return new ImageBatch(n, c, images.height(), images.width(), out);
  }

  /** "HxW with C channel(s)". */
  static String describe(ImageShape shape) {
    return shape.height() + "x" + shape.width() + " with " + shape.channels() + " channel(s)";
  }
}
