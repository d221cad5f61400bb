package org.ddpm4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ddpm4j.unet.OwnedArrays;

/**
 * An exponential moving average of the weights, as diffusers' {@code EMAModel} (v0.21.4): the shadow weights start as
 * a copy of the parameters; each {@link #step} increments the optimization step n and moves every shadow weight by
 * {@code s -= (1 - decay) (s - p)} with {@code decay = }{@link #decay(EmaConfig, long) decay(n)} (a float32 scalar, as
 * torch applies a Python float to a float32 tensor).
 */
public final class Ema implements AutoCloseable {
  private final EmaConfig config;
  private final NDManager manager;
  private final Map<String, NDArray> shadow = new LinkedHashMap<>();
  private long optimizationStep;

  /**
   * An average that starts as a copy of the parameters.
   *
   * @param manager the parent of the manager that owns the shadow weights (closed by {@link #close()})
   */
  public Ema(EmaConfig config, Map<String, NDArray> parameters, NDManager manager) {
    this.config = config;
    this.manager = manager.newSubManager();
    parameters.forEach((k, p) -> {
      try (NDArray detached = p.stopGradient()) {
        NDArray s = detached.duplicate();
        s.attach(this.manager);
        shadow.put(k, s);
      }
    });
  }

  /**
   * EMAModel's {@code get_decay}: with {@code s = max(0, n - updateAfterStep - 1)}, 0 when s = 0, else
   * {@code (1 + s) / (10 + s)} (or {@code 1 - (1 + s / invGamma)^-power} with the warm-up option), capped at
   * {@code decay} and floored at {@code minDecay}.
   *
   * @param optimizationStep n, counting from 1 for the first update
   */
  public static double decay(EmaConfig config, long optimizationStep) {
    long s = Math.max(0, optimizationStep - config.updateAfterStep() - 1);
    if (s <= 0) {
      return 0.0;
    }
    double d = config.useEmaWarmup()
        ? 1 - Math.pow(1 + s / config.invGamma(), -config.power())
        : (1.0 + s) / (10.0 + s);
    return Math.max(Math.min(d, config.decay()), config.minDecay());
  }

  /**
   * One update towards the current parameters (call after the optimizer step, with gradient recording off).
   *
   * @return the decay that was used
   */
  public double step(Map<String, NDArray> parameters) {
    optimizationStep++;
    double d = decay(config, optimizationStep);
    float oneMinusDecay = (float) (1 - d);
    try (NDScope ignored = new NDScope()) {
      for (Map.Entry<String, NDArray> e : shadow.entrySet()) {
        NDArray p = parameters.get(e.getKey());
        if (p == null) {
          throw new IllegalArgumentException("EMA: parameter '" + e.getKey() + "' is missing");
        }
        NDArray s = e.getValue();
        s.subi(s.sub(p).muli(oneMinusDecay));
      }
    }
    return d;
  }

  /** The number of updates taken (EMAModel's {@code optimization_step}). */
  public long optimizationStep() {
    return optimizationStep;
  }

  /** The shadow weights, in parameter order (owned by this average; do not close). */
  public Map<String, NDArray> weights() {
    return Collections.unmodifiableMap(shadow);
  }

  /**
   * Restores the shadow weights and the step count of a checkpoint.
   *
   * @throws IllegalArgumentException naming the key when a weight is missing or has another size
   */
  public void restore(Map<String, float[]> weights, long step) {
    for (Map.Entry<String, NDArray> e : shadow.entrySet()) {
      float[] data = weights.get(e.getKey());
      if (data == null || data.length != e.getValue().size()) {
        throw new IllegalArgumentException("EMA weights: '" + e.getKey() + "' is "
            + (data == null ? "missing" : "of size " + data.length + ", expected " + e.getValue().size()));
      }
      NDArray old = e.getValue();
      e.setValue(OwnedArrays.of(manager, data, old.getShape()));
      old.close();
    }
    this.optimizationStep = step;
  }

  @Override
  public void close() {
    manager.close();
  }
}
