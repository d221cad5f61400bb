package org.ddpm4j.flink.sample;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ddpm4j.io.AtomicFiles;

/**
 * Prepares the output folder on the client before the job: refuses a file or a foreign non-empty folder, checks
 * that a resumed folder was written with the same settings, removes a stale manifest and leftover temporary files,
 * writes job.json, and finds the batches still to do.
 */
final class OutputFolder {
  private OutputFolder() {}

  /**
   * What is left to do.
   *
   * @param pendingBatches the batches with a missing file, ascending
   * @param skippedSamples the samples of complete batches, not generated again
   * @param skippedBatches the number of complete batches
   */
  record Pending(int[] pendingBatches, long skippedSamples, int skippedBatches) {}

  /**
   * Prepares the folder.
   *
   * @param layout the output layout
   * @param job this run's record (see {@link JobRecord})
   * @param resume whether an unfinished earlier run may be continued
   * @throws IllegalArgumentException when the folder cannot be used, naming why
   */
  static Pending prepare(OutputLayout layout, JsonObject job, boolean resume) {
    Path dir = layout.dir();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--out " + dir + " is a file, not a folder");
    }
    int entries = countEntries(dir);
    if (entries > 0) {
      if (!resume) {
        throw new IllegalArgumentException("--out " + dir + " is not empty (" + entries + " entries): use --resume "
            + "to continue an unfinished run there, or choose an empty folder");
      }
      checkSameJob(layout.jobFile(), job);
    }
    try {
      Files.deleteIfExists(layout.manifest());
      for (String sub : List.of(OutputLayout.SAMPLES_DIR, OutputLayout.NPZ_DIR)) {
        Files.createDirectories(dir.resolve(sub));
        deleteTemporaryFiles(dir.resolve(sub));
      }
      deleteTemporaryFiles(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + dir + ": cannot prepare the folder (" + e + ")", e);
    }
    AtomicFiles.write(layout.jobFile(),
        (new GsonBuilder().setPrettyPrinting().create().toJson(job) + "\n").getBytes(StandardCharsets.UTF_8));
    return pending(layout);
  }

  /** The batches of the layout that are not complete on disk. */
  static Pending pending(OutputLayout layout) {
    int batches = layout.plan().batches();
    int[] todo = new int[batches];
    int n = 0;
    long skipped = 0;
    for (int k = 0; k < batches; k++) {
      if (layout.isComplete(k)) {
        skipped += layout.plan().size(k);
      } else {
        todo[n++] = k;
      }
    }
    return new Pending(Arrays.copyOf(todo, n), skipped, batches - n);
  }

  private static void checkSameJob(Path jobFile, JsonObject job) {
    if (!Files.isRegularFile(jobFile)) {
      throw new IllegalArgumentException("--resume: " + jobFile.getParent() + " has no " + OutputLayout.JOB_FILE
          + ", so it was not written by bulk-sample; choose an empty folder");
    }
    JsonObject before;
    try {
      before = JsonParser.parseString(Files.readString(jobFile)).getAsJsonObject();
    } catch (IOException | JsonParseException | IllegalStateException e) {
      throw new IllegalArgumentException("--resume: cannot read " + jobFile + " (" + e.getMessage() + ")", e);
    }
    List<String> diffs = JobRecord.differences(before, job);
    if (!diffs.isEmpty()) {
      throw new IllegalArgumentException("--resume: " + jobFile + " was written with other settings, so the images "
          + "would not match: " + String.join("; ", diffs));
    }
  }

  private static int countEntries(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return (int) s.count();
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + dir + ": cannot list (" + e + ")", e);
    }
  }

  /** Removes the hidden temporary files ({@code .name.*.tmp}) an interrupted run may have left. */
  private static void deleteTemporaryFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(p)) {
          Files.delete(p);
        }
      }
    }
  }
}
