package org.ddpm4j.flink;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress of one subtask: a Flink counter {@code samplesDone}, a meter {@code samplesPerSecond} (over the last
 * minute), and a log line at most every {@code logEvery} with the count and the rate since the subtask started.
 */
public final class ProgressReporter {
  /** The counter's metric name. */
  public static final String DONE = "samplesDone";
  /** The meter's metric name. */
  public static final String RATE = "samplesPerSecond";

  private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

  private final String label;
  private final long logEveryNanos;
  private final LongSupplier nanoClock;
  private final Counter done;
  private final long startNanos;
  private long lastLogNanos;

  /**
   * Registers the metrics.
   *
   * @param group the subtask's metric group
   * @param label how log lines name the subtask, e.g. "subtask 2/4"
   * @param logEvery the least time between two progress lines
   * @param nanoClock the clock ({@code System::nanoTime}; a fake one in tests)
   */
  public ProgressReporter(MetricGroup group, String label, Duration logEvery, LongSupplier nanoClock) {
    this.label = label;
    this.logEveryNanos = logEvery.toNanos();
    this.nanoClock = nanoClock;
    this.done = group.counter(DONE);
    group.meter(RATE, new MeterView(done));
    this.startNanos = nanoClock.getAsLong();
    this.lastLogNanos = startNanos;
  }

  /** Counts finished samples and logs a progress line when one is due. */
  public void add(long samples) {
    done.inc(samples);
    long now = nanoClock.getAsLong();
    if (now - lastLogNanos >= logEveryNanos) {
      lastLogNanos = now;
      LOG.info("{}: {}", label, summary());
    }
  }

  /** The samples counted so far. */
  public long done() {
    return done.getCount();
  }

  /** The mean rate since the start, in samples per second (0 before any time has passed). */
  public double rate() {
    double seconds = (nanoClock.getAsLong() - startNanos) / 1e9;
    return seconds > 0 ? done.getCount() / seconds : 0.0;
  }

  /** "N samples, R samples/s". */
  public String summary() {
    return String.format(Locale.ROOT, "%d samples, %.2f samples/s", done.getCount(), rate());
  }
}
