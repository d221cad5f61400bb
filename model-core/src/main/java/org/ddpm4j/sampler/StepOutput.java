package org.ddpm4j.sampler;

import ai.djl.ndarray.NDArray;

/**
 * What one scheduler step returns, as diffusers' {@code SchedulerOutput}.
 *
 * @param prevSample x_{t-1} (or x at the previous timestep of the schedule)
 * @param predOriginalSample the predicted x_0 of this step (after clipping where the sampler clips)
 */
public record StepOutput(NDArray prevSample, NDArray predOriginalSample) {}
