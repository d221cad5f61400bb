package org.ddpm4j.gateway.api;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.ddpm4j.gateway.batching.DeadlineExceededException;
import org.ddpm4j.gateway.problem.ProblemException;

/** How a failed or refused sampling job is told to the client and counted. */
final class JobFailures {
  private JobFailures() {}

  /** The failure as the client should see it: a problem, or the original error (mapped to a logged 500). */
  static Throwable toClient(Throwable error, int retryAfterSeconds) {
    Throwable e = unwrap(error);
    if (e instanceof DeadlineExceededException) {
      return ProblemException.deadlineExceeded(e.getMessage());
    }
    if (e instanceof CancellationException) {
      return ProblemException.unavailable("the request was cancelled: " + e.getMessage(), retryAfterSeconds);
    }
    return e;
  }

  /** The outcome tag of the latency metric. */
  static String outcome(Throwable error) {
    if (error == null) {
      return "ok";
    }
    Throwable e = unwrap(error);
    if (e instanceof DeadlineExceededException) {
      return "deadline";
    }
    if (e instanceof CancellationException) {
      return "cancelled";
    }
    return e instanceof ProblemException ? "refused" : "error";
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
