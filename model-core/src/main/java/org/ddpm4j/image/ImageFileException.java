package org.ddpm4j.image;

import java.nio.file.Path;

/** An image file that cannot be read or is not what was expected; the message names the file and the problem. */
public class ImageFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String problem;

  /** Creates the exception with the message {@code "<file>: <problem>"}. */
  public ImageFileException(Path file, String problem) {
    this(file, problem, null);
  }

  /** Creates the exception with the message {@code "<file>: <problem>"} and the underlying cause. */
  public ImageFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
    this.problem = problem;
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** What is wrong with the file, without its name. */
  public String problem() {
    return problem;
  }
}
