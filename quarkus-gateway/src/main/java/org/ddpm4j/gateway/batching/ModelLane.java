package org.ddpm4j.gateway.batching;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.ddpm4j.sampler.EpsModel;
import org.jboss.logging.Logger;

/**
 * The jobs of one model: those waiting to start, those running, and the dispatcher thread that makes one forward per
 * round over the rows of every running job.
 *
 * <p>A round fires when every running job is parked in a model call. Waiting jobs are admitted in arrival order at
 * round boundaries while their rows fit in {@code maxBatchSize} (a job larger than that runs alone). When the lane
 * was idle, the first round waits up to {@code maxWait} from the first job's arrival for more jobs to join.
 */
final class ModelLane implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ModelLane.class);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final EpsModel model;
  private final BatchingSettings settings;
  private final BatchObserver observer;
  private final Executor jobThreads;
  private final Runnable threadSetup;
  private final Runnable leftQueue;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<BatchJob<?>> waiting = new ArrayDeque<>();
  private final List<Running> running = new ArrayList<>();
  private final Thread dispatcher;
  private int runningRows;
  private long windowEnd;
  private boolean windowOpen;
  private boolean closed;

  /** A running job and its parked call, if it is parked. */
  private static final class Running {
    final BatchJob<?> job;
    ModelCall call;

    Running(BatchJob<?> job) {
      this.job = job;
    }
  }

  /**
   * @param name names the dispatcher thread
   * @param leftQueue called once for every job that leaves the waiting queue (started, cancelled or expired)
   */
  ModelLane(String name, EpsModel model, BatchingSettings settings, BatchObserver observer, Executor jobThreads,
      Runnable threadSetup, Runnable leftQueue) {
    this.model = model;
    this.settings = settings;
    this.observer = observer;
    this.jobThreads = jobThreads;
    this.threadSetup = threadSetup;
    this.leftQueue = leftQueue;
    this.dispatcher = new Thread(this::dispatch, "ddpm4j-batch-" + name);
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  /** Queues a job (the caller has reserved its place in the queue). */
  void enqueue(BatchJob<?> job) {
    lock.lock();
    try {
      if (closed) {
        leftQueue.run();
        throw new CancellationException("the gateway is shutting down");
      }
      job.onCancel(() -> cancelled(job));
      waiting.addLast(job);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Rows of the jobs running now. */
  int runningRows() {
    lock.lock();
    try {
      return runningRows;
    } finally {
      lock.unlock();
    }
  }

  /** A cancelled job leaves the queue at once (the dispatcher may be busy in a forward); a running one is woken. */
  private void cancelled(BatchJob<?> job) {
    boolean removed;
    lock.lock();
    try {
      removed = waiting.remove(job);
      if (removed) {
        leftQueue.run();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (removed) {
      job.fail(new CancellationException("the request was cancelled"));
    }
  }

  private void dispatch() {
    threadSetup.run();
    try (NDManager manager = NDManager.newBaseManager()) {
      while (true) {
        List<ModelCall> round;
        List<Runnable> failures = new ArrayList<>();
        lock.lock();
        try {
          if (closed) {
            return;
          }
          long now = System.nanoTime();
          dropStoppedWaiting(now, failures);
          admit();
          round = takeRound(now);
        } catch (InterruptedException e) {
          return;
        } finally {
          lock.unlock();
        }
        failures.forEach(Runnable::run);
        if (round != null) {
          forward(round, manager);
        }
      }
    }
  }

  /** Takes expired waiting jobs out of the queue; their failures run after the lock is released. */
  private void dropStoppedWaiting(long now, List<Runnable> failures) {
    for (Iterator<BatchJob<?>> it = waiting.iterator(); it.hasNext(); ) {
      BatchJob<?> job = it.next();
      RuntimeException stop = job.stopReason(now);
      if (stop != null) {
        it.remove();
        leftQueue.run();
        failures.add(() -> job.fail(stop));
      }
    }
  }

  private void admit() {
    while (!waiting.isEmpty()) {
      BatchJob<?> job = waiting.peekFirst();
      boolean fits = running.isEmpty()
          || (settings.enabled() && runningRows + job.rows() <= settings.maxBatchSize());
      if (!fits) {
        return;
      }
      waiting.pollFirst();
      leftQueue.run();
      if (running.isEmpty() && settings.enabled()) {
        windowOpen = true;
        windowEnd = job.submittedNanos() + settings.maxWait().toNanos();
      }
      start(job);
    }
  }

  private <T> void start(BatchJob<T> job) {
    Running r = new Running(job);
    running.add(r);
    runningRows += job.rows();
    jobThreads.execute(() -> run(r, job));
  }

  /** The calls of a round if one is ready, else waits for a change and returns null. */
  private List<ModelCall> takeRound(long now) throws InterruptedException {
    if (running.isEmpty()) {
      changed.awaitNanos(POLL_NANOS);
      return null;
    }
    for (Running r : running) {
      if (r.call == null) {
        changed.awaitNanos(POLL_NANOS);
        return null;
      }
    }
    if (windowOpen && now < windowEnd && runningRows < settings.maxBatchSize()) {
      changed.awaitNanos(Math.min(windowEnd - now, POLL_NANOS));
      return null;
    }
    windowOpen = false;
    List<ModelCall> round = new ArrayList<>(running.size());
    for (Running r : running) {
      round.add(r.call);
      r.call = null;
    }
    return round;
  }

  private <T> void run(Running r, BatchJob<T> job) {
    threadSetup.run();
    try {
      job.complete(job.body().run((x, t) -> park(r, x, t)));
    } catch (Throwable e) {
      job.fail(e);
    } finally {
      lock.lock();
      try {
        running.remove(r);
        runningRows -= job.rows();
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** The stand-in EpsModel of a job: parks the call until the dispatcher answers it. */
  private NDArray park(Running r, NDArray x, NDArray t) {
    ModelCall call = new ModelCall(r.job, x, t);
    lock.lock();
    try {
      RuntimeException stop = closed ? new CancellationException("the gateway is shutting down")
          : r.job.stopReason(System.nanoTime());
      if (stop != null) {
        throw stop;
      }
      r.call = call;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    return call.await();
  }

  private void forward(List<ModelCall> round, NDManager manager) {
    long now = System.nanoTime();
    List<ModelCall> live = new ArrayList<>(round.size());
    for (ModelCall call : round) {
      RuntimeException stop = call.job().stopReason(now);
      if (stop != null) {
        call.fail(stop);
      } else {
        live.add(call);
      }
    }
    if (live.isEmpty()) {
      return;
    }
    try {
      if (live.size() == 1) {
        ModelCall only = live.get(0);
        NDArray eps = model.predict(only.x(), only.t());
        observer.forward(1, only.rows());
        only.complete(eps);
      } else {
        forwardTogether(live, manager);
      }
    } catch (RuntimeException e) {
      LOG.warnf(e, "a forward over %d jobs failed", live.size());
      live.forEach(c -> c.fail(e));
    }
  }

  /** One forward over the rows of several calls; each call gets its rows back in its own manager. */
  private void forwardTogether(List<ModelCall> calls, NDManager manager) {
    Shape sample = calls.get(0).x().getShape().slice(1);
    int per = Math.toIntExact(sample.size());
    int total = 0;
    for (ModelCall c : calls) {
      if (!c.x().getShape().slice(1).equals(sample)) {
        throw new IllegalArgumentException("jobs of one model disagree on the sample shape: " + sample + " vs "
            + c.x().getShape().slice(1));
      }
      total += c.rows();
    }
    float[] x = new float[total * per];
    long[] t = new long[total];
    int row = 0;
    for (ModelCall c : calls) {
      System.arraycopy(c.x().toFloatArray(), 0, x, row * per, c.rows() * per);
      System.arraycopy(c.timestepPerRow(), 0, t, row, c.rows());
      row += c.rows();
    }
    try (NDManager step = manager.newSubManager()) {
      float[] eps = model.predict(step.create(x, new Shape(total).addAll(sample)), step.create(t)).toFloatArray();
      observer.forward(calls.size(), total);
      row = 0;
      for (ModelCall c : calls) {
        float[] mine = Arrays.copyOfRange(eps, row * per, (row + c.rows()) * per);
        c.complete(c.x().getManager().create(mine, c.x().getShape()));
        row += c.rows();
      }
    }
  }

  /** Stops the dispatcher; waiting jobs fail, running ones stop at their next model call. */
  @Override
  public void close() {
    List<BatchJob<?>> dropped;
    lock.lock();
    try {
      closed = true;
      dropped = new ArrayList<>(waiting);
      dropped.forEach(j -> leftQueue.run());
      waiting.clear();
      for (Running r : running) {
        if (r.call != null) {
          r.call.fail(new CancellationException("the gateway is shutting down"));
        }
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    dropped.forEach(j -> j.fail(new CancellationException("the gateway is shutting down")));
    try {
      dispatcher.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
