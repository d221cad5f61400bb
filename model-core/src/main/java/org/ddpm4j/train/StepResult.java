package org.ddpm4j.train;

/**
 * What one optimizer step did.
 *
 * @param step the number of steps completed after this one (1 for the first)
 * @param loss L_simple of the step's batch, before the update
 * @param lr the learning rate the update used
 * @param gradNorm the global gradient 2-norm before clipping
 * @param emaDecay the EMA decay the update used
 * @param seconds wall time of the step
 */
public record StepResult(long step, double loss, double lr, double gradNorm, double emaDecay, double seconds) {}
