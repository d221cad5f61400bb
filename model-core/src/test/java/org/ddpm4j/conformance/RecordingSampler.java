package org.ddpm4j.conformance;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ddpm4j.sampler.Sampler;
import org.ddpm4j.sampler.StepNoise;
import org.ddpm4j.sampler.StepOutput;

/** A sampler that delegates every call and copies out the prev_sample of the steps at chosen timesteps. */
final class RecordingSampler implements Sampler {
  private final Sampler delegate;
  private final Set<Integer> recordAt;
  private final Map<Integer, float[]> recorded = new LinkedHashMap<>();

  /** Records the steps whose timestep is in {@code recordAt}. */
  RecordingSampler(Sampler delegate, Set<Integer> recordAt) {
    this.delegate = delegate;
    this.recordAt = recordAt;
  }

  /** The recorded prev_samples by timestep, in step order. */
  Map<Integer, float[]> recorded() {
    return recorded;
  }

  @Override
  public void setTimesteps(int n) {
    delegate.setTimesteps(n);
  }

  @Override
  public int[] timesteps() {
    return delegate.timesteps();
  }

  @Override
  public StepOutput step(NDArray eps, int t, NDArray x, StepNoise noise) {
    StepOutput out = delegate.step(eps, t, x, noise);
    if (recordAt.contains(t)) {
      recorded.put(t, out.prevSample().toFloatArray());
    }
    return out;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
