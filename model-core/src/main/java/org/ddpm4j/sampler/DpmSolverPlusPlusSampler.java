package org.ddpm4j.sampler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.ddpm4j.schedule.NoiseSchedule;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.schedule.TimestepSpacing;

/**
 * Multistep DPM-Solver++ of order 2 with the midpoint update (Lu et al. 2022), as diffusers v0.21.4
 * {@code DPMSolverMultistepScheduler} computes it for epsilon prediction.
 *
 * <p>alpha_t = sqrt(abar_t), sigma_t = sqrt(1 - abar_t), lambda_t = ln alpha_t - ln sigma_t, all float32. Each step
 * converts eps to x0 = (x - sigma_s eps) / alpha_s (never clipped) and goes from timestep s to the next one of the
 * schedule, t (timestep 0 after the last, not abar = 1), with h = lambda_t - lambda_s. The first step is first order,
 * x_t = (sigma_t / sigma_s) x - alpha_t (e^-h - 1) x0; so is the last one when {@code lower_order_final} is set and
 * there are fewer than 15 steps. The others are second order with the previous step's x0 (m1, at s1):
 * r0 = (lambda_s - lambda_s1) / h, D1 = (x0 - m1) / r0, x_t = (sigma_t / sigma_s) x - alpha_t (e^-h - 1) x0 -
 * 0.5 alpha_t (e^-h - 1) D1.
 *
 * <p>The sampler keeps the previous x0 between steps, so steps must be taken in schedule order, and it holds native
 * memory until {@link #close()}. The {@link StepOutput#predOriginalSample()} a step returns is that kept x0: it stays
 * valid until the next step or {@code close()}.
 */
public final class DpmSolverPlusPlusSampler implements Sampler {
  /** diffusers applies lower_order_final only below this many steps. */
  private static final int LOWER_ORDER_FINAL_BELOW = 15;

  private final SchedulerConfig config;
  private final float[] alpha;
  private final float[] sigma;
  private final float[] lambda;
  private int[] timesteps;
  private int stepIndex;
  private NDManager stateManager;
  private NDArray previousX0;

  /** A DPM-Solver++ sampler for a scheduler configuration; call {@link #setTimesteps(int)} before stepping. */
  public DpmSolverPlusPlusSampler(SchedulerConfig config) {
    this.config = config;
    float[] alphasCumprod = NoiseSchedule.of(config).alphasCumprod();
    int n = alphasCumprod.length;
    alpha = new float[n];
    sigma = new float[n];
    lambda = new float[n];
    for (int t = 0; t < n; t++) {
      alpha[t] = StepMath.sqrt(alphasCumprod[t]);
      sigma[t] = StepMath.sqrt(1f - alphasCumprod[t]);
      lambda[t] = (float) Math.log(alpha[t]) - (float) Math.log(sigma[t]);
    }
  }

  /**
   * Chooses the timesteps ({@link TimestepSpacing#solverTimesteps}, linspace unless the configuration names a
   * spacing; timesteps whose lambda is below {@code lambda_min_clipped} are left out) and forgets any earlier run.
   */
  @Override
  public void setTimesteps(int n) {
    int numTrain = config.numTrainTimesteps();
    int clipped = 0;
    while (clipped < numTrain && lambda[numTrain - 1 - clipped] < config.lambdaMinClipped()) {
      clipped++;
    }
    timesteps = config.timestepSpacingOr(TimestepSpacing.LINSPACE)
        .solverTimesteps(numTrain, numTrain - clipped, n, config.stepsOffset());
    stepIndex = 0;
    forgetPreviousX0();
  }

  @Override
  public int[] timesteps() {
    requireTimesteps();
    return timesteps.clone();
  }

  /**
   * The next step of the schedule. The new sample is attached to the manager of {@code x}; the x0 it keeps, to this
   * sampler.
   *
   * @param noise never drawn
   * @throws IllegalStateException when {@code t} is not the next timestep of the schedule
   */
  @Override
  public StepOutput step(NDArray eps, int t, NDArray x, StepNoise noise) {
    requireTimesteps();
    if (stepIndex >= timesteps.length || timesteps[stepIndex] != t) {
      throw new IllegalStateException("DPM-Solver++ steps must follow the schedule: expected "
          + (stepIndex < timesteps.length ? "timestep " + timesteps[stepIndex] : "no further step") + ", got " + t);
    }
    boolean last = stepIndex == timesteps.length - 1;
    int prevT = last ? 0 : timesteps[stepIndex + 1];
    boolean lowerOrderFinal = last && config.lowerOrderFinal() && timesteps.length < LOWER_ORDER_FINAL_BELOW;

    NDArray x0 = StepMath.predictX0(x, eps, sigma[t], alpha[t]);
    NDArray prev = stepIndex == 0 || lowerOrderFinal
        ? firstOrder(x, x0, t, prevT)
        : secondOrder(x, x0, t, timesteps[stepIndex - 1], prevT);
    keep(x0);
    stepIndex++;
    return new StepOutput(prev, x0);
  }

  /** x_t = (sigma_t / sigma_s) x - alpha_t (e^-h - 1) x0. */
  private NDArray firstOrder(NDArray x, NDArray x0, int s, int t) {
    float h = lambda[t] - lambda[s];
    float x0Coeff = alpha[t] * (expMinus(h) - 1f);
    try (NDArray a = x.mul(sigma[t] / sigma[s]);
        NDArray b = x0.mul(x0Coeff)) {
      return a.sub(b);
    }
  }

  /** The midpoint second-order update from s0 with the x0 of s1 kept from the previous step. */
  private NDArray secondOrder(NDArray x, NDArray x0, int s0, int s1, int t) {
    float h = lambda[t] - lambda[s0];
    float h0 = lambda[s0] - lambda[s1];
    float r0 = h0 / h;
    float x0Coeff = alpha[t] * (expMinus(h) - 1f);
    try (NDArray diff = x0.sub(previousX0);
        NDArray d1 = diff.mul(1f / r0);
        NDArray a = x.mul(sigma[t] / sigma[s0]);
        NDArray b = x0.mul(x0Coeff);
        NDArray c = d1.mul(0.5f * x0Coeff);
        NDArray ab = a.sub(b)) {
      return ab.sub(c);
    }
  }

  /** {@code torch.exp(-h)} of a float32 h. */
  private static float expMinus(float h) {
    return (float) Math.exp(-h);
  }

  private void keep(NDArray x0) {
    forgetPreviousX0();
    if (stateManager == null) {
      stateManager = x0.getManager().getEngine().newBaseManager(x0.getDevice());
    }
    x0.attach(stateManager);
    previousX0 = x0;
  }

  private void forgetPreviousX0() {
    if (previousX0 != null) {
      previousX0.close();
      previousX0 = null;
    }
  }

  private void requireTimesteps() {
    if (timesteps == null) {
      throw new IllegalStateException("DpmSolverPlusPlusSampler: call setTimesteps(n) before stepping");
    }
  }

  /** Releases the kept x0. */
  @Override
  public void close() {
    forgetPreviousX0();
    if (stateManager != null) {
      stateManager.close();
      stateManager = null;
    }
  }
}
