package org.ddpm4j.gateway.batching;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One submitted job: its size in rows, its deadline, its body and its result. Made by
 * {@link BatchScheduler#submit}; the caller keeps it to wait for the result or to cancel it.
 *
 * @param <T> the result of the body
 */
public final class BatchJob<T> {
  private final int rows;
  private final JobBody<T> body;
  private final Duration deadline;
  private final long submittedNanos;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private volatile boolean cancelled;
  private volatile Runnable wake = () -> {};

  BatchJob(int rows, Duration deadline, JobBody<T> body) {
    if (rows < 1) {
      throw new IllegalArgumentException("a job needs at least one row, got " + rows);
    }
    this.rows = rows;
    this.body = body;
    this.deadline = deadline;
    this.submittedNanos = System.nanoTime();
  }

  /** The result: the body's value, or a {@link CancellationException}, {@link DeadlineExceededException} or the
   * body's own exception. */
  public CompletionStage<T> result() {
    return result.minimalCompletionStage();
  }

  /**
   * Stops the job (e.g. its client went away): a waiting job leaves the queue, a running one stops at its next model
   * call. Harmless after the job ended.
   */
  public void cancel() {
    cancelled = true;
    wake.run();
  }

  /** The number of image rows the job puts in each forward. */
  int rows() {
    return rows;
  }

  JobBody<T> body() {
    return body;
  }

  long submittedNanos() {
    return submittedNanos;
  }

  void onCancel(Runnable wake) {
    this.wake = wake;
  }

  /** Why the job must stop now, or null if it may go on. */
  RuntimeException stopReason(long nowNanos) {
    if (cancelled) {
      return new CancellationException("the request was cancelled");
    }
    if (nowNanos - submittedNanos > deadline.toNanos()) {
      return new DeadlineExceededException(deadline);
    }
    return null;
  }

  void complete(T value) {
    result.complete(value);
  }

  /** Ends the job with an error; a cancelled job always ends with a CancellationException. */
  void fail(Throwable error) {
    result.completeExceptionally(cancelled && !(error instanceof CancellationException)
        ? new CancellationException("the request was cancelled") : error);
  }

  boolean isDone() {
    return result.isDone();
  }
}
