package org.ddpm4j.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Converts model output in [-1, 1] to 8-bit images exactly as diffusers v0.21.4 does.
 *
 * <p>diffusers' pipelines compute {@code image = (image / 2 + 0.5).clamp(0, 1)} on the float32 tensor, move it to
 * NHWC with {@code permute(0, 2, 3, 1).numpy()}, and {@code numpy_to_pil} (utils/pil_utils.py) then takes
 * {@code (images * 255).round().astype("uint8")}. Every operation stays in float32: {@code x / 2}, {@code + 0.5} and
 * {@code * 255} are each rounded to float32 (numpy keeps float32 when an array is multiplied by a Python int), and
 * numpy's {@code round} rounds half to even ({@code 127.5 -> 128}, {@code 2.5 -> 2}). This class performs the same
 * float32 operations in the same order and rounds with {@link Math#rint}, which also rounds half to even, so every byte
 * equals diffusers'. An input of 0 maps to 128, -1 to 0 and 1 to 255; infinities clamp like any value out of range.
 *
 * <p>Unlike numpy, which turns NaN into an unspecified byte with a warning, a NaN is rejected with an exception naming
 * the sample and position: it means the model diverged, and a silent black pixel would hide that.
 */
public final class ImageConversion {
  private ImageConversion() {}

  /**
   * Converts a float32 batch [B, C, H, W] in [-1, 1] to uint8 NHWC.
   *
   * @throws IllegalArgumentException when the array is not float32 of rank 4, or holds a NaN
   */
  public static Uint8Images toUint8(NDArray x) {
    Shape s = x.getShape();
    if (s.dimension() != 4) {
      throw new IllegalArgumentException("expected an image batch [B, C, H, W], got shape " + s);
    }
    if (x.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException("expected float32 images, got " + x.getDataType());
    }
    return toUint8(
        x.toFloatArray(),
        Math.toIntExact(s.get(0)),
        Math.toIntExact(s.get(1)),
        Math.toIntExact(s.get(2)),
        Math.toIntExact(s.get(3)));
  }

  /**
   * Converts float32 values in NCHW order to uint8 NHWC.
   *
   * @param nchw {@code n * c * h * w} values
   * @throws IllegalArgumentException when the array length does not match the sizes, or a value is NaN
   */
  public static Uint8Images toUint8(float[] nchw, int n, int c, int h, int w) {
    if (nchw.length != (long) n * c * h * w) {
      throw new IllegalArgumentException(
          "expected " + n + "x" + c + "x" + h + "x" + w + " values, got " + nchw.length);
    }
    byte[] out = new byte[nchw.length];
    int plane = h * w;
    for (int b = 0; b < n; b++) {
      for (int ch = 0; ch < c; ch++) {
        int src = (b * c + ch) * plane;
        for (int p = 0; p < plane; p++) {
          float v = nchw[src + p];
          if (Float.isNaN(v)) {
            throw new IllegalArgumentException(
                "NaN in sample " + b + " at channel " + ch + ", y=" + p / w + ", x=" + p % w);
          }
          out[(b * plane + p) * c + ch] = (byte) toUint8(v);
        }
      }
    }
    return new Uint8Images(n, h, w, c, out);
  }

  /** One value: {@code rint(clamp(x / 2 + 0.5, 0, 1) * 255)} in float32 arithmetic; NaN is the caller's check. */
  static int toUint8(float x) {
    float u = x / 2f + 0.5f;
    u = Math.min(Math.max(u, 0f), 1f);
    return (int) Math.rint(u * 255f);
  }
}
