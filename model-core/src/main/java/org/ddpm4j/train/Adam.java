package org.ddpm4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ddpm4j.unet.OwnedArrays;

/**
 * Adam over a named parameter map, in float32 as {@code torch.optim.Adam} (single-tensor path): for step k = 1, 2, ...
 * {@code m = beta1 m + (1 - beta1) g}, {@code v = beta2 v + (1 - beta2) g^2},
 * {@code p -= lr / (1 - beta1^k) * m / (sqrt(v) / sqrt(1 - beta2^k) + eps)}, with the bias corrections and the step
 * size computed in double and applied as float32 scalars. The moments and the step count are the whole state:
 * {@link #state()} and {@link #restore} round-trip them exactly. Call {@link #step} with gradient recording off.
 */
public final class Adam implements AutoCloseable {
  private final AdamConfig config;
  private final NDManager manager;
  private final Map<String, NDArray> m = new LinkedHashMap<>();
  private final Map<String, NDArray> v = new LinkedHashMap<>();
  private long steps;

  /**
   * Adam for the given parameters, with zero moments.
   *
   * @param manager owns the moment arrays (closed by {@link #close()})
   */
  public Adam(AdamConfig config, Map<String, NDArray> parameters, NDManager manager) {
    this.config = config;
    this.manager = manager.newSubManager();
    parameters.forEach((k, p) -> {
      m.put(k, this.manager.zeros(p.getShape(), p.getDataType()));
      v.put(k, this.manager.zeros(p.getShape(), p.getDataType()));
    });
  }

  /** The number of steps taken. */
  public long steps() {
    return steps;
  }

  /**
   * One update of every parameter in place.
   *
   * @param parameters the parameters, with the keys given at construction
   * @param gradients their gradients, same keys
   * @param lr the learning rate of this step (from the warm-up schedule)
   */
  public void step(Map<String, NDArray> parameters, Map<String, NDArray> gradients, double lr) {
    steps++;
    double bc1 = 1 - Math.pow(config.beta1(), steps);
    double bc2Sqrt = Math.sqrt(1 - Math.pow(config.beta2(), steps));
    float stepSize = (float) (lr / bc1);
    try (NDScope ignored = new NDScope()) {
      for (Map.Entry<String, NDArray> e : m.entrySet()) {
        String key = e.getKey();
        NDArray p = parameters.get(key);
        NDArray g = gradients.get(key);
        if (p == null || g == null) {
          throw new IllegalArgumentException("Adam: parameter or gradient '" + key + "' is missing");
        }
        NDArray grad = config.weightDecay() == 0 ? g : g.add(p.mul((float) config.weightDecay()));
        NDArray mk = e.getValue();
        NDArray vk = v.get(key);
        mk.muli((float) config.beta1()).addi(grad.mul((float) (1 - config.beta1())));
        vk.muli((float) config.beta2()).addi(grad.mul(grad).muli((float) (1 - config.beta2())));
        NDArray denom = vk.sqrt().divi((float) bc2Sqrt).addi((float) config.eps());
        p.subi(mk.mul(stepSize).divi(denom));
      }
    }
  }

  /** The state: {@code m.<key>} and {@code v.<key>} for every parameter (in parameter order) and the step count. */
  public OptimizerState state() {
    Map<String, NDArray> all = new LinkedHashMap<>();
    m.forEach((k, a) -> all.put("m." + k, a));
    v.forEach((k, a) -> all.put("v." + k, a));
    return new OptimizerState(all, steps);
  }

  /**
   * Restores a state written by {@link #state()}.
   *
   * @throws IllegalArgumentException naming the key when a moment is missing or has another shape
   */
  public void restore(Map<String, float[]> moments, long stepCount) {
    load(m, "m.", moments);
    load(v, "v.", moments);
    this.steps = stepCount;
  }

  private static void load(Map<String, NDArray> target, String prefix, Map<String, float[]> values) {
    for (Map.Entry<String, NDArray> e : target.entrySet()) {
      float[] data = values.get(prefix + e.getKey());
      if (data == null) {
        throw new IllegalArgumentException("optimizer state: moment '" + prefix + e.getKey() + "' is missing");
      }
      if (data.length != e.getValue().size()) {
        throw new IllegalArgumentException("optimizer state: moment '" + prefix + e.getKey() + "' has " + data.length
            + " values, the parameter has " + e.getValue().size());
      }
      NDArray old = e.getValue();
      e.setValue(OwnedArrays.of(old.getManager(), data, old.getShape()));
      old.close();
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
