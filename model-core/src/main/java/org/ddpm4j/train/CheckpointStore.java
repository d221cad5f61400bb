package org.ddpm4j.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ddpm4j.io.CheckpointException;

/**
 * The checkpoint folders of a run, {@code <root>/checkpoint-<step>}, each written atomically: the content goes to a
 * hidden temporary folder in the same root, is flushed to disk, and the folder is then renamed to its final name, so
 * a crash during a save leaves the previous checkpoints as they were and never a partial {@code checkpoint-*}. After a
 * successful save only the newest {@code keepLast} are kept. Hidden leftovers of a crashed save are ignored and
 * removed by {@link #removeLeftovers()}.
 */
public final class CheckpointStore {
  /** The name prefix of checkpoint folders. */
  public static final String PREFIX = "checkpoint-";

  private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)");
  private static final String HIDDEN = "." + PREFIX;

  /** Writes the content of one checkpoint into an (empty) folder. */
  @FunctionalInterface
  public interface FolderWriter {
    /** Writes every file of the checkpoint into {@code dir}. */
    void write(Path dir) throws IOException;
  }

  private final Path root;
  private final int keepLast;

  /**
   * The checkpoints under a root folder.
   *
   * @param keepLast how many to keep after each save (at least 1)
   */
  public CheckpointStore(Path root, int keepLast) {
    if (keepLast < 1) {
      throw new IllegalArgumentException("keepLast = " + keepLast + " must be >= 1");
    }
    this.root = root;
    this.keepLast = keepLast;
  }

  /** The root folder. */
  public Path root() {
    return root;
  }

  /** The folder of the checkpoint at a step. */
  public Path folder(long step) {
    return root.resolve(PREFIX + step);
  }

  /**
   * Writes the checkpoint of a step atomically, then deletes the oldest beyond {@code keepLast}. An existing
   * checkpoint of the same step is replaced only once the new one is complete.
   *
   * @return the final folder
   * @throws CheckpointException naming the folder when writing fails; the previous checkpoints are then unchanged
   *     and the temporary folder is removed
   */
  public Path save(long step, FolderWriter writer) {
    Path target = folder(step);
    Path tmp = root.resolve(HIDDEN + step + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(root);
      Files.createDirectory(tmp);
      writer.write(tmp);
      syncFolder(tmp);
      if (Files.exists(target)) {
        Path old = root.resolve(HIDDEN + step + ".old-" + UUID.randomUUID());
        rename(target, old);
        rename(tmp, target);
        deleteTree(old);
      } else {
        rename(tmp, target);
      }
      syncFolder(root);
    } catch (IOException | RuntimeException e) {
      try {
        deleteTree(tmp);
      } catch (IOException | UncheckedIOException cleanup) {
        e.addSuppressed(cleanup);
      }
      if (e instanceof CheckpointException ce) {
        throw ce;
      }
      throw new CheckpointException(target + ": cannot write the checkpoint (" + e.getMessage() + ")", e);
    }
    prune();
    return target;
  }

  /** The complete checkpoints, oldest first. */
  public List<Path> list() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> step(p) >= 0 && Files.isDirectory(p))
          .sorted(Comparator.comparingLong(CheckpointStore::step))
          .toList();
    } catch (IOException e) {
      throw new CheckpointException(root + ": cannot list the checkpoints (" + e.getMessage() + ")", e);
    }
  }

  /** The newest complete checkpoint, if any. */
  public Optional<Path> latest() {
    List<Path> all = list();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Deletes the hidden temporary folders that an interrupted save left behind. */
  public void removeLeftovers() {
    if (!Files.isDirectory(root)) {
      return;
    }
    List<Path> hidden;
    try (Stream<Path> s = Files.list(root)) {
      hidden = s.filter(p -> p.getFileName().toString().startsWith(HIDDEN)).toList();
    } catch (IOException e) {
      throw new CheckpointException(root + ": cannot list the checkpoints (" + e.getMessage() + ")", e);
    }
    for (Path p : hidden) {
      try {
        deleteTree(p);
      } catch (IOException e) {
        throw new CheckpointException(p + ": cannot remove a leftover of an interrupted save (" + e.getMessage()
            + ")", e);
      }
    }
  }

  /** The step of a checkpoint folder name, or -1 when the name is not one. */
  public static long step(Path folder) {
    Matcher m = NAME.matcher(folder.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  private void prune() {
    List<Path> all = list();
    for (int i = 0; i < all.size() - keepLast; i++) {
      Path p = all.get(i);
      try {
        Path trash = root.resolve(HIDDEN + step(p) + ".trash-" + UUID.randomUUID());
        rename(p, trash);
        deleteTree(trash);
      } catch (IOException e) {
        throw new CheckpointException(p + ": cannot delete an old checkpoint (" + e.getMessage() + ")", e);
      }
    }
  }

  private static void rename(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void syncFolder(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a directory; the rename is still atomic there
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
        if (exc != null) {
          throw exc;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
