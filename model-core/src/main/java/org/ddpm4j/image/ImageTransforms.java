package org.ddpm4j.image;

/**
 * Colour and size transforms of uint8 images, following Pillow and torchvision so that a dataset prepared here looks
 * like one prepared by diffusers' training example ({@code Resize(size, BILINEAR)} then {@code CenterCrop(size)}).
 */
public final class ImageTransforms {
  private ImageTransforms() {}

  /**
   * Converts to 1 (gray) or 3 (RGB) channels. Gray to RGB repeats the value; RGB to gray uses Pillow's ITU-R 601-2 luma
   * in fixed point, {@code (19595 R + 38470 G + 7471 B + 0x8000) >> 16}.
   */
  public static Uint8Images toChannels(Uint8Images img, int channels) {
    int from = img.channels();
    if (from == channels) {
      return img;
    }
    int pixels = img.n() * img.height() * img.width();
    byte[] src = img.nhwc();
    byte[] out = new byte[pixels * channels];
    if (from == 1 && channels == 3) {
      for (int p = 0; p < pixels; p++) {
        out[3 * p] = out[3 * p + 1] = out[3 * p + 2] = src[p];
      }
    } else if (from == 3 && channels == 1) {
      for (int p = 0; p < pixels; p++) {
        int r = src[3 * p] & 0xFF;
        int g = src[3 * p + 1] & 0xFF;
        int b = src[3 * p + 2] & 0xFF;
        out[p] = (byte) ((19595 * r + 38470 * g + 7471 * b + 0x8000) >> 16);
      }
    } else {
      throw new IllegalArgumentException("cannot convert " + from + " channel(s) to " + channels);
    }
    return new Uint8Images(img.n(), img.height(), img.width(), channels, out);
  }

  /**
   * Scales so that the shorter side becomes {@code size}, keeping the aspect ratio; the longer side becomes
   * {@code floor(size * long / short)} as in torchvision's {@code Resize(int)}. Resampling is Pillow's bilinear filter:
   * a triangle kernel widened by the scale factor when shrinking, so a large reduction averages every source pixel
   * (like an area filter) instead of skipping rows.
   */
  public static Uint8Images resizeShortSide(Uint8Images img, int size) {
    int h = img.height();
    int w = img.width();
    int oh = h <= w ? size : Math.toIntExact((long) size * h / w);
    int ow = h <= w ? Math.toIntExact((long) size * w / h) : size;
    return resize(img, oh, ow);
  }

  /** Resizes to exactly {@code oh x ow} with Pillow's bilinear filter (see {@link #resizeShortSide}). */
  public static Uint8Images resize(Uint8Images img, int oh, int ow) {
    if (oh < 1 || ow < 1) {
      throw new IllegalArgumentException("cannot resize to " + oh + "x" + ow);
    }
    if (oh == img.height() && ow == img.width()) {
      return img;
    }
    int h = img.height();
    int w = img.width();
    int c = img.channels();
    Kernel kx = Kernel.of(w, ow);
    Kernel ky = Kernel.of(h, oh);
    byte[] src = img.nhwc();
    byte[] out = new byte[img.n() * oh * ow * c];
    double[] rows = new double[h * ow * c];
    for (int s = 0; s < img.n(); s++) {
      int base = s * h * w * c;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < ow; x++) {
          for (int ch = 0; ch < c; ch++) {
            double acc = 0;
            for (int k = 0; k < kx.count[x]; k++) {
              acc += kx.weights[x][k] * (src[base + (y * w + kx.first[x] + k) * c + ch] & 0xFF);
            }
            rows[(y * ow + x) * c + ch] = acc;
          }
        }
      }
      int outBase = s * oh * ow * c;
      for (int y = 0; y < oh; y++) {
        for (int x = 0; x < ow * c; x++) {
          double acc = 0;
          for (int k = 0; k < ky.count[y]; k++) {
            acc += ky.weights[y][k] * rows[(ky.first[y] + k) * ow * c + x];
          }
          out[outBase + y * ow * c + x] = (byte) Math.max(0, Math.min(255, Math.round(acc)));
        }
      }
    }
    return new Uint8Images(img.n(), oh, ow, c, out);
  }

  /**
   * Cuts the central {@code ch x cw} region, with torchvision's {@code CenterCrop} offsets
   * {@code round((h - ch) / 2)} and {@code round((w - cw) / 2)} (half to even).
   */
  public static Uint8Images centerCrop(Uint8Images img, int ch, int cw) {
    if (ch > img.height() || cw > img.width() || ch < 1 || cw < 1) {
      throw new IllegalArgumentException(
          "cannot crop " + ch + "x" + cw + " from " + img.height() + "x" + img.width());
    }
    int top = (int) Math.rint((img.height() - ch) / 2.0);
    int left = (int) Math.rint((img.width() - cw) / 2.0);
    int c = img.channels();
    byte[] out = new byte[img.n() * ch * cw * c];
    for (int s = 0; s < img.n(); s++) {
      for (int y = 0; y < ch; y++) {
        System.arraycopy(
            img.nhwc(),
            ((s * img.height() + top + y) * img.width() + left) * c,
            out,
            ((s * ch + y) * cw) * c,
            cw * c);
      }
    }
    return new Uint8Images(img.n(), ch, cw, c, out);
  }

  /** Pillow's resampling coefficients for one axis: for output i, weights over inputs first[i] .. first[i]+count[i]. */
  private record Kernel(int[] first, int[] count, double[][] weights) {
    static Kernel of(int in, int out) {
      double scale = (double) in / out;
      double filterScale = Math.max(scale, 1.0);
      double support = filterScale; // the bilinear (triangle) kernel has support 1
      int[] first = new int[out];
      int[] count = new int[out];
      double[][] weights = new double[out][];
      for (int i = 0; i < out; i++) {
        double center = (i + 0.5) * scale;
        int lo = Math.max(0, (int) (center - support + 0.5));
        int hi = Math.min(in, (int) (center + support + 0.5));
        double[] wts = new double[hi - lo];
        double sum = 0;
        for (int k = 0; k < wts.length; k++) {
          double d = Math.abs((lo + k - center + 0.5) / filterScale);
          wts[k] = d < 1 ? 1 - d : 0;
          sum += wts[k];
        }
        for (int k = 0; k < wts.length; k++) {
          wts[k] /= sum;
        }
        first[i] = lo;
        count[i] = wts.length;
        weights[i] = wts;
      }
      return new Kernel(first, count, weights);
    }
  }
}
