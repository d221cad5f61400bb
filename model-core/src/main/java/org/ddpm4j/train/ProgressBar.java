package org.ddpm4j.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for a terminal ({@code step 120/10000 [###-------] loss 0.0532 3.21 it/s ETA 0:51:22}),
 * redrawn with a carriage return at most a few times a second. The rate counts only the steps of this session, so a
 * resumed run's ETA is right.
 */
public final class ProgressBar {
  private static final int WIDTH = 24;
  private static final long REDRAW_NANOS = 250_000_000L;

  private final PrintStream out;
  private final long total;
  private final long firstStep;
  private final long startNanos;
  private long lastDraw;
  private String lastLine = "";

  /**
   * A bar for steps {@code firstStep+1 .. total}.
   *
   * @param out usually {@code System.err}
   * @param firstStep the steps already done before this session
   * @param startNanos {@link System#nanoTime()} at the start of this session
   */
  public ProgressBar(PrintStream out, long total, long firstStep, long startNanos) {
    this.out = out;
    this.total = total;
    this.firstStep = firstStep;
    this.startNanos = startNanos;
    this.lastDraw = startNanos - REDRAW_NANOS;
  }

  /** Redraws the bar after a step if enough time has passed (always on the last step). */
  public void update(long step, double loss, long nowNanos) {
    if (nowNanos - lastDraw < REDRAW_NANOS && step < total) {
      return;
    }
    lastDraw = nowNanos;
    lastLine = line(step, loss, nowNanos);
    out.print("\r" + lastLine);
    out.flush();
  }

  /** Ends the line, leaving the last state visible. */
  public void finish() {
    out.println();
    out.flush();
  }

  /** The text of the bar after a step. */
  String line(long step, double loss, long nowNanos) {
    double seconds = (nowNanos - startNanos) / 1e9;
    long done = step - firstStep;
    double rate = seconds > 0 ? done / seconds : 0;
    int filled = (int) (WIDTH * step / Math.max(1, total));
    String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
    String eta = rate > 0 ? clock((total - step) / rate) : "?";
    return String.format(Locale.ROOT, "step %d/%d [%s] loss %.4f %.2f it/s ETA %s", step, total, bar, loss, rate, eta);
  }

  /** Seconds as h:mm:ss. */
  static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
