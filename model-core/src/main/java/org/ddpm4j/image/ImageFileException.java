package org.ddpm4j.image;

import java.nio.file.Path;

/** An image file that cannot be read or is not what was expected; the message names the file and the problem. */
public class ImageFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the message {@code "<file>: <problem>"}. */
  public ImageFileException(Path file, String problem) {
    super(file + ": " + problem);
  }

  /** Creates the exception with the message {@code "<file>: <problem>"} and the underlying cause. */
  public ImageFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
