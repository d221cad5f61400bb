package org.ddpm4j.gateway.batching;

/** The queue of waiting jobs is full; the client should retry later. */
public final class QueueFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A full queue of the given capacity. */
  public QueueFullException(int capacity) {
    super("the queue of waiting requests is full (" + capacity + " requests); retry later");
  }
}
