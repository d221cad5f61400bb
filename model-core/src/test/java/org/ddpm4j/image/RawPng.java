package org.ddpm4j.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A minimal PNG decoder for tests, independent of javax.imageio: non-interlaced 8-bit gray (colour type 0) or RGB
 * (type 2) only. It parses the chunks, inflates IDAT and undoes the five PNG row filters (PNG spec, section 9).
 */
record RawPng(int width, int height, int bitDepth, int colourType, byte[] pixels) {

  static RawPng decode(byte[] png) throws DataFormatException {
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (!Arrays.equals(signature, Arrays.copyOf(png, 8))) {
      throw new IllegalArgumentException("no PNG signature");
    }
    ByteBuffer buf = ByteBuffer.wrap(png, 8, png.length - 8);
    int w = 0;
    int h = 0;
    int depth = 0;
    int type = -1;
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    while (buf.hasRemaining()) {
      int len = buf.getInt();
      byte[] name = new byte[4];
      buf.get(name);
      byte[] data = new byte[len];
      buf.get(data);
      buf.getInt(); // CRC
      String chunk = new String(name, StandardCharsets.US_ASCII);
      if (chunk.equals("IHDR")) {
        ByteBuffer ih = ByteBuffer.wrap(data);
        w = ih.getInt();
        h = ih.getInt();
        depth = ih.get();
        type = ih.get();
        if (ih.get(12) != 0) {
          throw new IllegalArgumentException("interlaced");
        }
      } else if (chunk.equals("IDAT")) {
        idat.writeBytes(data);
      }
    }
    int bpp = type == 0 ? 1 : 3;
    int stride = w * bpp;
    Inflater inf = new Inflater();
    inf.setInput(idat.toByteArray());
    byte[] raw = new byte[h * (stride + 1)];
    int got = 0;
    while (got < raw.length && !inf.finished()) {
      got += inf.inflate(raw, got, raw.length - got);
    }
    byte[] out = new byte[h * stride];
    for (int y = 0; y < h; y++) {
      int filter = raw[y * (stride + 1)];
      for (int i = 0; i < stride; i++) {
        int x = raw[y * (stride + 1) + 1 + i] & 0xFF;
        int a = i >= bpp ? out[y * stride + i - bpp] & 0xFF : 0;
        int b = y > 0 ? out[(y - 1) * stride + i] & 0xFF : 0;
        int c = y > 0 && i >= bpp ? out[(y - 1) * stride + i - bpp] & 0xFF : 0;
        int pred =
            switch (filter) {
              case 0 -> 0;
              case 1 -> a;
              case 2 -> b;
              case 3 -> (a + b) / 2;
              case 4 -> paeth(a, b, c);
              default -> throw new IllegalArgumentException("filter " + filter);
            };
        out[y * stride + i] = (byte) (x + pred);
      }
    }
    return new RawPng(w, h, depth, type, out);
  }

  private static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }
}
