package org.ddpm4j.flink;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.apache.flink.api.common.externalresource.ExternalResourceInfo;

/**
 * Assigns the subtasks of one TaskManager to the GPUs Flink offers it.
 *
 * <p>Flink's GPU plugin ({@code external-resource.gpu.*}) gives every slot of a TaskManager the same set of GPU
 * indices, so each subtask leases the offered GPU that the fewest subtasks of this job in this JVM hold (ties go to
 * the lowest index), and returns it on close. With one slot per GPU every subtask gets a GPU of its own.
 */
public final class GpuLeases {
  /** The name of the external resource: {@code getExternalResourceInfos("gpu")}. */
  public static final String RESOURCE_NAME = "gpu";

  private static final Map<Integer, Integer> HOLDERS = new HashMap<>();

  private GpuLeases() {}

  /** A leased GPU index, or none when Flink offered no GPU (run on the CPU). */
  public static final class Lease implements AutoCloseable {
    private final OptionalInt index;
    private boolean released;

    private Lease(OptionalInt index) {
      this.index = index;
    }

    /** The GPU index, empty for the CPU. */
    public OptionalInt index() {
      return index;
    }

    /** Returns the GPU; idempotent. */
    @Override
    public void close() {
      synchronized (HOLDERS) {
        if (!released && index.isPresent()) {
          HOLDERS.merge(index.getAsInt(), -1, (a, b) -> a + b == 0 ? null : a + b);
        }
        released = true;
      }
    }
  }

  /**
   * Leases one of the offered GPUs.
   *
   * @param offered what {@code getRuntimeContext().getExternalResourceInfos("gpu")} returned
   * @throws IllegalArgumentException when a GPU has no integer {@code index} property
   */
  public static Lease acquire(Collection<ExternalResourceInfo> offered) {
    TreeSet<Integer> indices = new TreeSet<>();
    for (ExternalResourceInfo info : offered) {
      String raw = info.getProperty("index").orElseThrow(() -> new IllegalArgumentException(
          "external resource '" + RESOURCE_NAME + "' has no 'index' property (keys: " + info.getKeys() + ")"));
      try {
        indices.add(Integer.parseInt(raw.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "external resource '" + RESOURCE_NAME + "' has a non-integer index '" + raw + "'", e);
      }
    }
    if (indices.isEmpty()) {
      return new Lease(OptionalInt.empty());
    }
    synchronized (HOLDERS) {
      int best = indices.first();
      for (int i : indices) {
        if (HOLDERS.getOrDefault(i, 0) < HOLDERS.getOrDefault(best, 0)) {
          best = i;
        }
      }
      HOLDERS.merge(best, 1, Integer::sum);
      return new Lease(OptionalInt.of(best));
    }
  }
}
