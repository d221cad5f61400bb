package org.ddpm4j.gateway.batching;

import java.time.Duration;

/** A job was stopped because it ran past its deadline. */
public final class DeadlineExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A job that exceeded the given deadline. */
  public DeadlineExceededException(Duration deadline) {
    super("the request did not finish within its deadline of " + deadline.toMillis() + " ms");
  }
}
