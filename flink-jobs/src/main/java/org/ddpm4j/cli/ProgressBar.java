package org.ddpm4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr for a run of {@code totalSteps} sampling steps (batches x steps per batch),
 * redrawn in place ({@code \r}) at most every 200 ms and once at the end.
 */
final class ProgressBar {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final long totalSteps;
  private final int totalImages;
  private final LongSupplier nanoClock;
  private final long start;
  private long lastDraw;
  private long steps;
  private int images;

  /**
   * A bar that starts now.
   *
   * @param nanoClock the clock ({@code System::nanoTime})
   */
  ProgressBar(PrintWriter err, long totalSteps, int totalImages, LongSupplier nanoClock) {
    this.err = err;
    this.totalSteps = totalSteps;
    this.totalImages = totalImages;
    this.nanoClock = nanoClock;
    this.start = nanoClock.getAsLong();
    this.lastDraw = start - REDRAW_NANOS;
  }

  /** One sampling step of one batch is done. */
  void step() {
    steps++;
    long now = nanoClock.getAsLong();
    if (now - lastDraw >= REDRAW_NANOS) {
      draw(now);
    }
  }

  /** A batch of {@code count} images is done. */
  void images(int count) {
    images += count;
  }

  /** Draws the final state and ends the line. */
  void finish() {
    draw(nanoClock.getAsLong());
    err.println();
    err.flush();
  }

  /** The seconds since the bar started. */
  double elapsedSeconds() {
    return (nanoClock.getAsLong() - start) / 1e9;
  }

  private void draw(long now) {
    lastDraw = now;
    err.print("\r" + render(steps, totalSteps, images, totalImages, (now - start) / 1e9));
    err.flush();
  }

  /** The bar's text, e.g. {@code [##########--------------------]  33% | 16/48 images | 12.5 s}. */
  static String render(long steps, long totalSteps, int images, int totalImages, double seconds) {
    double fraction = totalSteps == 0 ? 1 : (double) steps / totalSteps;
    int filled = (int) Math.floor(fraction * WIDTH);
    return String.format(Locale.ROOT, "[%s%s] %3d%% | %d/%d images | %.1f s", "#".repeat(filled),
        "-".repeat(WIDTH - filled), (int) Math.floor(fraction * 100), images, totalImages, seconds);
  }
}
