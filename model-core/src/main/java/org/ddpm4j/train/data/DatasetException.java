package org.ddpm4j.train.data;

import java.nio.file.Path;

/** A dataset file or folder that cannot be read or is malformed; the message names the file and the problem. */
public class DatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the message {@code "<file>: <problem>"}. */
  public DatasetException(Path file, String problem) {
    super(file + ": " + problem);
  }

  /** Creates the exception with the message {@code "<file>: <problem>"} and the underlying cause. */
  public DatasetException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
