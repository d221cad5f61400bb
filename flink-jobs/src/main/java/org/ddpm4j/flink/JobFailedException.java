package org.ddpm4j.flink;

import java.util.Set;

/**
 * A Flink job that failed, with the message of the exception that caused it rather than Flink's wrappers ("Job
 * execution failed.", "Recovery is suppressed by ...").
 */
public final class JobFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exception types that only wrap the real cause. */
  private static final Set<String> WRAPPERS = Set.of(
      "java.util.concurrent.ExecutionException",
      "java.util.concurrent.CompletionException",
      "java.lang.reflect.InvocationTargetException",
      "java.lang.reflect.UndeclaredThrowableException");

  private JobFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Wraps the failure of a job.
   *
   * @param jobName the job, named in the message
   * @param failure what {@code execute()} threw
   */
  public static JobFailedException of(String jobName, Throwable failure) {
    return new JobFailedException(jobName + " failed: " + rootMessage(failure), failure);
  }

  /**
   * The message of the first exception in the cause chain that is not a Flink or concurrency wrapper (a serialized
   * remote exception counts as the real one: its message names the original class), or its class name when it has
   * no message; followed by the root cause when that says something the message does not (e.g. "No space left on
   * device" below an encoder's generic I/O error).
   */
  static String rootMessage(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t && isWrapper(t)) {
      t = t.getCause();
    }
    String message = describe(t);
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String rootMessage = root.getMessage();
    if (root != t && rootMessage != null && !rootMessage.isBlank() && !message.contains(rootMessage)) {
      message += " (root cause: " + rootMessage + ")";
    }
    return message;
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getName() : message;
  }

  private static boolean isWrapper(Throwable t) {
    String name = t.getClass().getName();
    if (name.equals("org.apache.flink.util.SerializedThrowable")) {
      return false;
    }
    return WRAPPERS.contains(name) || name.startsWith("org.apache.flink.");
  }
}
