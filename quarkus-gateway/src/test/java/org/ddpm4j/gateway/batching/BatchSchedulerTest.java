package org.ddpm4j.gateway.batching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ddpm4j.sampler.EpsModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchSchedulerTest {
  private static final Shape SAMPLE = new Shape(1, 2, 2);

  /** eps = 0.5 x + t / 1000 row by row: any mix-up of rows or timesteps between jobs changes the result. */
  private static final EpsModel ROW_MODEL = (x, t) -> {
    NDArray tRows = t.toType(DataType.FLOAT32, false).div(1000f).reshape(-1, 1, 1, 1);
    return x.mul(0.5f).add(tRows);
  };

  private final List<int[]> forwards = new CopyOnWriteArrayList<>();
  private BatchScheduler scheduler;

  private BatchScheduler scheduler(boolean enabled, int maxBatch, Duration maxWait, int capacity, Duration deadline) {
    scheduler = new BatchScheduler(new BatchingSettings(enabled, maxBatch, maxWait, capacity, 1, deadline),
        (jobs, rows) -> forwards.add(new int[] {jobs, rows}), () -> {});
    return scheduler;
  }

  @AfterEach
  void close() {
    if (scheduler != null) {
      scheduler.close();
    }
  }

  /** A toy sampling loop: x_{k+1} = x_k - 0.1 eps(x_k, t_k), with t_k = 900 - 100 k + offset (a per-job schedule). */
  private static JobBody<float[]> loop(int rows, float start, int steps, int offset) {
    return eps -> {
      try (NDManager m = NDManager.newBaseManager()) {
        NDArray x = m.arange(rows * (int) SAMPLE.size()).toType(DataType.FLOAT32, false).add(start)
            .reshape(new Shape(rows).addAll(SAMPLE));
        for (int k = 0; k < steps; k++) {
          x = x.sub(eps.predict(x, m.create((long) (900 - 100 * k + offset))).mul(0.1f));
        }
        return x.toFloatArray();
      }
    };
  }

  private static float[] direct(JobBody<float[]> body) throws Exception {
    return body.run(ROW_MODEL);
  }

  @Test
  void aJobAloneGetsExactlyItsOwnForwards() throws Exception {
    BatchScheduler s = scheduler(true, 8, Duration.ZERO, 4, Duration.ofSeconds(30));
    float[] batched = s.submit("m", ROW_MODEL, 3, loop(3, 1f, 5, 0)).result().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertArrayEquals(direct(loop(3, 1f, 5, 0)), batched);
    assertEquals(5, forwards.size());
    forwards.forEach(f -> assertArrayEquals(new int[] {1, 3}, f));
  }

  @Test
  void concurrentJobsShareForwardsAndKeepTheirOwnRowsAndTimesteps() throws Exception {
    BatchScheduler s = scheduler(true, 16, Duration.ofMillis(300), 8, Duration.ofSeconds(30));
    List<BatchJob<float[]>> jobs = new ArrayList<>();
    for (int j = 0; j < 4; j++) {
      jobs.add(s.submit("m", ROW_MODEL, j + 1, loop(j + 1, 10f * j, 6, 7 * j)));
    }
    for (int j = 0; j < 4; j++) {
      float[] got = jobs.get(j).result().toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertArrayEquals(direct(loop(j + 1, 10f * j, 6, 7 * j)), got, 1e-6f, "job " + j);
    }
    assertTrue(forwards.stream().anyMatch(f -> f[0] == 4 && f[1] == 10), "one forward held all four jobs' 10 rows");
    assertTrue(forwards.size() < 4 * 6, "fewer forwards than unbatched: " + forwards.size());
  }

  @Test
  void withBatchingOffEveryForwardHoldsOneJob() throws Exception {
    BatchScheduler s = scheduler(false, 16, Duration.ofMillis(100), 8, Duration.ofSeconds(30));
    List<BatchJob<float[]>> jobs = new ArrayList<>();
    for (int j = 0; j < 3; j++) {
      jobs.add(s.submit("m", ROW_MODEL, 2, loop(2, j, 4, 0)));
    }
    for (BatchJob<float[]> job : jobs) {
      job.result().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    assertEquals(12, forwards.size());
    forwards.forEach(f -> assertEquals(1, f[0]));
  }

  @Test
  void aJobLargerThanTheMaxBatchRunsAloneAndOthersWait() throws Exception {
    BatchScheduler s = scheduler(true, 4, Duration.ofMillis(100), 8, Duration.ofSeconds(30));
    BatchJob<float[]> big = s.submit("m", ROW_MODEL, 6, loop(6, 0f, 3, 0));
    BatchJob<float[]> small = s.submit("m", ROW_MODEL, 2, loop(2, 0f, 3, 0));
    big.result().toCompletableFuture().get(30, TimeUnit.SECONDS);
    small.result().toCompletableFuture().get(30, TimeUnit.SECONDS);
    forwards.forEach(f -> assertTrue(f[1] <= 4 || f[0] == 1, "over-size forward shared: " + f[0] + " jobs"));
  }

  /** A model that blocks until released, to hold the lane busy. */
  private static EpsModel gated(CountDownLatch gate) {
    return (x, t) -> {
      try {
        gate.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ROW_MODEL.predict(x, t);
    };
  }

  @Test
  void aFullQueueRefusesAndCancelledJobsFreeTheirPlace() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    EpsModel model = gated(gate);
    BatchScheduler s = scheduler(true, 1, Duration.ZERO, 2, Duration.ofSeconds(30));
    BatchJob<float[]> running = s.submit("m", model, 1, loop(1, 0f, 2, 0));
    waitUntil(() -> s.waiting() == 0);
    BatchJob<float[]> w1 = s.submit("m", model, 1, loop(1, 0f, 2, 0));
    s.submit("m", model, 1, loop(1, 0f, 2, 0));
    QueueFullException full = assertThrows(QueueFullException.class, () -> s.submit("m", model, 1, loop(1, 0f, 2, 0)));
    assertTrue(full.getMessage().contains("2 requests"), full.getMessage());
    w1.cancel();
    waitUntil(() -> s.waiting() == 1);
    CompletionException e = assertThrows(CompletionException.class, () -> w1.result().toCompletableFuture().join());
    assertInstanceOf(CancellationException.class, e.getCause());
    gate.countDown();
    running.result().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void aCancelledRunningJobStopsWhileOthersFinish() throws Exception {
    BatchScheduler s = scheduler(true, 8, Duration.ofMillis(200), 4, Duration.ofSeconds(30));
    CountDownLatch started = new CountDownLatch(1);
    JobBody<float[]> endless = eps -> {
      try (NDManager m = NDManager.newBaseManager()) {
        NDArray x = m.ones(new Shape(1).addAll(SAMPLE));
        while (true) {
          x = eps.predict(x, m.create(1L));
          started.countDown();
        }
      }
    };
    BatchJob<float[]> victim = s.submit("m", ROW_MODEL, 1, endless);
    BatchJob<float[]> other = s.submit("m", ROW_MODEL, 2, loop(2, 0f, 50, 0));
    assertTrue(started.await(30, TimeUnit.SECONDS));
    victim.cancel();
    CompletionException e = assertThrows(CompletionException.class, () -> victim.result().toCompletableFuture().join());
    assertInstanceOf(CancellationException.class, e.getCause());
    assertArrayEquals(direct(loop(2, 0f, 50, 0)), other.result().toCompletableFuture().get(30, TimeUnit.SECONDS), 1e-6f);
  }

  @Test
  void aJobPastItsDeadlineEndsWithDeadlineExceeded() {
    BatchScheduler s = scheduler(true, 8, Duration.ZERO, 4, Duration.ofMillis(200));
    JobBody<float[]> slow = eps -> {
      try (NDManager m = NDManager.newBaseManager()) {
        NDArray x = m.ones(new Shape(1).addAll(SAMPLE));
        for (int k = 0; k < 1000; k++) {
          Thread.sleep(10);
          x = eps.predict(x, m.create(1L));
        }
        return x.toFloatArray();
      }
    };
    BatchJob<float[]> job = s.submit("m", ROW_MODEL, 1, slow);
    CompletionException e = assertThrows(CompletionException.class, () -> job.result().toCompletableFuture().join());
    assertInstanceOf(DeadlineExceededException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("200 ms"), e.getCause().getMessage());
  }

  @Test
  void settingsRejectNonsense() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BatchingSettings(true, 0, Duration.ZERO, 1, 1, Duration.ofSeconds(1)));
    assertTrue(e.getMessage().contains("max-batch-size"), e.getMessage());
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(5);
    }
  }
}
