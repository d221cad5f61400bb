package org.ddpm4j.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.ddpm4j.io.AtomicFiles;
import org.ddpm4j.io.CheckpointException;

/**
 * The training log, one JSON object per step and line ({@code {"step":1,"loss":0.98,"lr":0.0,"grad_norm":3.1,
 * "ema_decay":0.0,"time_s":1.52}}). Opening it for a run that resumes at step s drops the lines of steps after s that
 * an interrupted session wrote after its last checkpoint, so every step appears once.
 */
public final class LossLog implements AutoCloseable {
  private final Path file;
  private final BufferedWriter writer;

  private LossLog(Path file, BufferedWriter writer) {
    this.file = file;
    this.writer = writer;
  }

  /**
   * Opens the log to append the steps after {@code resumeStep} (0 for a new run, which starts an empty log).
   *
   * @throws CheckpointException naming the file when it cannot be read, rewritten or opened
   */
  public static LossLog open(Path file, long resumeStep) {
    try {
      List<String> kept = new ArrayList<>();
      if (resumeStep > 0 && Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.isBlank() && stepOf(file, line) <= resumeStep) {
            kept.add(line);
          }
        }
      }
      String text = kept.isEmpty() ? "" : String.join("\n", kept) + "\n";
      AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
      return new LossLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot open the training log (" + e.getMessage() + ")", e);
    }
  }

  private static long stepOf(Path file, String line) {
    try {
      return JsonParser.parseString(line).getAsJsonObject().get("step").getAsLong();
    } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
      throw new CheckpointException(file + ": not a training log line: " + line, e);
    }
  }

  /** Appends the record of one step and flushes it. */
  public void append(StepResult r) {
    JsonObject o = new JsonObject();
    o.addProperty("step", r.step());
    o.addProperty("loss", r.loss());
    o.addProperty("lr", r.lr());
    o.addProperty("grad_norm", r.gradNorm());
    o.addProperty("ema_decay", r.emaDecay());
    o.addProperty("time_s", r.seconds());
    try {
      writer.write(o.toString());
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot append to the training log (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot close the training log (" + e.getMessage() + ")", e);
    }
  }
}
