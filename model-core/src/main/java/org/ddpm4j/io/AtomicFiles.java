package org.ddpm4j.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that no half-written file is ever visible: bytes go to a hidden temporary file in the target's
 * folder, are flushed to disk, and the file is then renamed onto the target.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Something that writes the content of a file. */
  @FunctionalInterface
  public interface Content {
    /** Writes the content to the stream. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes a file atomically.
   *
   * @throws CheckpointException naming the file when it cannot be written (e.g. disk full); the target is then
   *     unchanged and the temporary file removed
   */
  public static void write(Path target, Content content) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16)) {
        content.writeTo(out);
        out.flush();
        ch.force(true);
      }
      makeWorldReadable(tmp);
      move(tmp, target);
      tmp = null;
    } catch (IOException e) {
      throw new CheckpointException(target + ": cannot write (" + e + ")", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is hidden and named after the target; nothing else to do
        }
      }
    }
  }

  /** Writes a byte array atomically. */
  public static void write(Path target, byte[] bytes) {
    write(target, out -> out.write(bytes));
  }

  /** Temporary files are created owner-only (0600); the finished file gets the usual 0644. */
  private static void makeWorldReadable(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Renames {@code from} onto {@code to}, atomically where the file system allows it. */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
