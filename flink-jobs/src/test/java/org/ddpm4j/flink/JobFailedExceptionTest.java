package org.ddpm4j.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.apache.flink.runtime.JobException;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.util.SerializedThrowable;
import org.junit.jupiter.api.Test;

class JobFailedExceptionTest {
  @Test
  void reportsTheFirstExceptionBelowFlinksWrappers() {
    IllegalStateException cause = new IllegalStateException(
        "/out/samples/3.png: cannot write (java.io.IOException: No space left on device)",
        new IOException("No space left on device"));
    Throwable failure = new JobExecutionException(null, "Job execution failed.",
        new JobException("Recovery is suppressed by NoRestartBackoffTimeStrategy", new CompletionException(cause)));
    assertEquals("job x failed: /out/samples/3.png: cannot write (java.io.IOException: No space left on device)",
        JobFailedException.of("job x", failure).getMessage());
  }

  @Test
  void aSerializedRemoteExceptionCountsAsTheCause() {
    SerializedThrowable remote = new SerializedThrowable(new IllegalArgumentException("bad model folder"));
    Throwable failure = new JobExecutionException(null, "Job execution failed.", remote);
    assertEquals("java.lang.IllegalArgumentException: bad model folder", JobFailedException.rootMessage(failure));
  }

  @Test
  void addsARootCauseThatTheMessageDoesNotSay() {
    Throwable write = new IllegalStateException("/out/samples/3.png: cannot write (I/O error writing PNG file!)",
        new IOException("I/O error writing PNG file!", new IOException("No space left on device")));
    assertEquals("/out/samples/3.png: cannot write (I/O error writing PNG file!) (root cause: No space left on device)",
        JobFailedException.rootMessage(new CompletionException(write)));
  }

  @Test
  void anExceptionWithoutMessageIsNamedByItsClass() {
    assertEquals("java.lang.NullPointerException",
        JobFailedException.rootMessage(new CompletionException(new NullPointerException())));
  }
}
