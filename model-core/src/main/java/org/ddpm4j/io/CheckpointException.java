package org.ddpm4j.io;

/** A checkpoint, tensor file or model folder that cannot be read or written; the message names the file and key. */
public class CheckpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the file and what is wrong. */
  public CheckpointException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
