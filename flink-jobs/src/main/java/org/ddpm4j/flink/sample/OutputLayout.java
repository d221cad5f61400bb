package org.ddpm4j.flink.sample;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of an output folder:
 *
 * <pre>
 *   job.json                    settings, written before the job (a resumed run must match them)
 *   samples/000123.png          one per sample, the index zero-padded to the width of n
 *   npz/000096-000127.npz       one per batch: arr_0 uint8 [B,H,W,C] and indices int64 [B] (first-last inclusive)
 *   manifest.json               written last, only when every sample is on disk
 * </pre>
 *
 * @param root the output folder, absolute (a string so that the layout can travel in the job graph)
 * @param plan the batches
 * @param format which files each batch has
 */
public record OutputLayout(String root, BatchPlan plan, OutputFormat format) implements Serializable {
  /** The settings file written before the job. */
  public static final String JOB_FILE = "job.json";
  /** The manifest written after success. */
  public static final String MANIFEST_FILE = "manifest.json";
  /** The folder of the PNG files. */
  public static final String SAMPLES_DIR = "samples";
  /** The folder of the npz shards. */
  public static final String NPZ_DIR = "npz";

  /** The output folder. */
  public Path dir() {
    return Path.of(root);
  }

  /** job.json. */
  public Path jobFile() {
    return dir().resolve(JOB_FILE);
  }

  /** manifest.json. */
  public Path manifest() {
    return dir().resolve(MANIFEST_FILE);
  }

  /** The digits of a file name: the width of n. */
  public int digits() {
    return Integer.toString(plan.count()).length();
  }

  /** The PNG file of sample {@code index}. */
  public Path png(long index) {
    return dir().resolve(SAMPLES_DIR).resolve(padded(index) + ".png");
  }

  /** The npz shard of batch {@code k}. */
  public Path shard(int k) {
    long first = plan.first(k);
    return dir().resolve(NPZ_DIR).resolve(padded(first) + "-" + padded(first + plan.size(k) - 1) + ".npz");
  }

  /** Whether every file of batch {@code k} exists. */
  public boolean isComplete(int k) {
    if (format.writesNpz() && !Files.isRegularFile(shard(k))) {
      return false;
    }
    if (format.writesPng()) {
      long first = plan.first(k);
      for (int i = 0; i < plan.size(k); i++) {
        if (!Files.isRegularFile(png(first + i))) {
          return false;
        }
      }
    }
    return true;
  }

  private String padded(long index) {
    String s = Long.toString(index);
    return "0".repeat(Math.max(0, digits() - s.length())) + s;
  }
}
