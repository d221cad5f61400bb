package org.ddpm4j.gateway.batching;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** One parked EpsModel call of one job: its inputs, and the eps the dispatcher hands back. */
final class ModelCall {
  private final BatchJob<?> job;
  private final NDArray x;
  private final NDArray t;
  private final CompletableFuture<NDArray> eps = new CompletableFuture<>();

  ModelCall(BatchJob<?> job, NDArray x, NDArray t) {
    this.job = job;
    this.x = x;
    this.t = t;
  }

  BatchJob<?> job() {
    return job;
  }

  NDArray x() {
    return x;
  }

  NDArray t() {
    return t;
  }

  /** The number of rows (samples) in x. */
  int rows() {
    return Math.toIntExact(x.getShape().get(0));
  }

  /** The timestep of each row: t may be one value for all rows or one per row. */
  long[] timestepPerRow() {
    long[] values = t.getDataType() == DataType.INT64 ? t.toLongArray() : t.toType(DataType.INT64, false).toLongArray();
    if (values.length == rows()) {
      return values;
    }
    if (values.length != 1) {
      throw new IllegalArgumentException("t has " + values.length + " values for " + rows() + " rows");
    }
    long[] rows = new long[rows()];
    Arrays.fill(rows, values[0]);
    return rows;
  }

  void complete(NDArray value) {
    eps.complete(value);
  }

  void fail(Throwable error) {
    eps.completeExceptionally(error);
  }

  /** Waits (on the job's thread) for the dispatcher's answer. */
  NDArray await() {
    try {
      return eps.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for the model");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("the model call failed", e.getCause());
    }
  }
}
