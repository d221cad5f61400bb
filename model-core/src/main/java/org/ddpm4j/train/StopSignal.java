package org.ddpm4j.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGTERM / Ctrl-C into a clean stop: a JVM shutdown hook marks the stop as requested and then waits until the
 * training loop has finished its current step and saved a checkpoint ({@link #stopped()}), up to a time limit.
 */
public final class StopSignal implements AutoCloseable {
  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean requested;

  private StopSignal(long waitSeconds) {
    this.hook = new Thread(() -> {
      requested = true;
      try {
        if (!done.await(waitSeconds, TimeUnit.SECONDS)) {
          System.err.println("ddpm4j train: no checkpoint within " + waitSeconds + " s of the stop signal; exiting");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ddpm4j-train-stop");
  }

  /**
   * Installs the shutdown hook.
   *
   * @param waitSeconds how long the JVM waits for the loop to save after a signal
   */
  public static StopSignal install(long waitSeconds) {
    StopSignal s = new StopSignal(waitSeconds);
    Runtime.getRuntime().addShutdownHook(s.hook);
    return s;
  }

  /** A signal that only {@link #request()} triggers (tests, embedding). */
  public static StopSignal manual() {
    return new StopSignal(0);
  }

  /** Whether a stop was requested. */
  public boolean requested() {
    return requested;
  }

  /** Requests a stop as the signal would. */
  public void request() {
    requested = true;
  }

  /** Tells a waiting shutdown hook that the loop has saved and returned. */
  public void stopped() {
    done.countDown();
  }

  /** Releases the hook: removes it when the JVM is not shutting down, else lets it return. */
  @Override
  public void close() {
    stopped();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // shutting down (the hook is running and returns now) or never installed (manual)
    }
  }
}
