package org.ddpm4j.flink.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ddpm4j.image.Uint8Images;

/**
 * Encodes one batch as an npz file, as {@code numpy.savez(f, arr_0=images, indices=indices)} would: a zip archive of
 * uncompressed {@code .npy} entries, {@code arr_0.npy} (uint8 [B, H, W, C], the array FID tools read) and
 * {@code indices.npy} (int64 [B], the global sample index of each row). Entry times are fixed, so the same batch
 * always gives the same bytes.
 */
final class NpzShard {
  /** The entry FID tools read: {@code np.load(f)["arr_0"]}. */
  static final String IMAGES = "arr_0";
  /** The entry with the global index of each image. */
  static final String INDICES = "indices";

  /** 1980-01-01, the earliest time a zip entry can hold. */
  private static final long ENTRY_TIME = 315532800000L;
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

  private NpzShard() {}

  /** Writes the npz of a batch to the stream (which stays open). */
  static void write(OutputStream out, Uint8Images images, long[] indices) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    int[] shape = {images.n(), images.height(), images.width(), images.channels()};
    entry(zip, IMAGES, npy("|u1", shape, images.nhwc()));
    ByteBuffer ids = ByteBuffer.allocate(indices.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (long i : indices) {
      ids.putLong(i);
    }
    entry(zip, INDICES, npy("<i8", new int[] {indices.length}, ids.array()));
    zip.finish();
  }

  /** A stored (uncompressed) entry, as numpy.savez writes them. */
  private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name + ".npy");
    e.setMethod(ZipEntry.STORED);
    e.setSize(data.length);
    e.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    e.setCrc(crc.getValue());
    e.setTime(ENTRY_TIME);
    zip.putNextEntry(e);
    zip.write(data);
    zip.closeEntry();
  }

  /** An .npy file, format version 1.0, C order, header padded to a multiple of 64 bytes as numpy does. */
  static byte[] npy(String descr, int[] shape, byte[] data) {
    StringBuilder dims = new StringBuilder();
    for (int d : shape) {
      dims.append(d).append(", ");
    }
    String tuple = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + tuple + ", }";
    int unpadded = MAGIC.length + 2 + dict.length() + 1;
    int padded = (unpadded + 63) / 64 * 64;
    String header = dict + " ".repeat(padded - unpadded) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream(padded + data.length);
    out.writeBytes(MAGIC);
    out.write(header.length() & 0xFF);
    out.write(header.length() >>> 8);
    out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(data);
    return out.toByteArray();
  }
}
