package org.ddpm4j.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Meter;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  /** A metric group that keeps what is registered. */
  private static final class Recording extends UnregisteredMetricsGroup {
    final Map<String, Metric> metrics = new HashMap<>();

    @Override
    public <C extends Counter> C counter(String name, C counter) {
      metrics.put(name, counter);
      return counter;
    }

    @Override
    public Counter counter(String name) {
      return counter(name, new org.apache.flink.metrics.SimpleCounter());
    }

    @Override
    public <M extends Meter> M meter(String name, M meter) {
      metrics.put(name, meter);
      return meter;
    }
  }

  @Test
  void countsSamplesInTheCounterAndMeterAndComputesTheRate() {
    Recording group = new Recording();
    AtomicLong now = new AtomicLong(0);
    ProgressReporter progress = new ProgressReporter(group, "subtask 1/1", Duration.ofSeconds(10), now::get);
    progress.add(32);
    now.set(4_000_000_000L);
    progress.add(32);

    assertEquals(64, progress.done());
    assertEquals(64, ((Counter) group.metrics.get(ProgressReporter.DONE)).getCount());
    Meter meter = assertInstanceOf(Meter.class, group.metrics.get(ProgressReporter.RATE));
    assertEquals(64, meter.getCount());
    assertEquals(16.0, progress.rate(), 1e-9);
    assertEquals("64 samples, 16.00 samples/s", progress.summary());
  }

  @Test
  void theRateIsZeroBeforeAnyTimePasses() {
    MetricGroup group = new UnregisteredMetricsGroup();
    ProgressReporter progress = new ProgressReporter(group, "s", Duration.ofSeconds(1), () -> 5L);
    progress.add(3);
    assertEquals(0.0, progress.rate());
  }
}
