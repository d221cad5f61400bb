/**
 * Noise schedules and the forward process, computed as diffusers v0.21.4 computes them: the scheduler configuration
 * ({@link org.ddpm4j.schedule.SchedulerConfig}), beta schedules, cumulative alpha products, inference timestep
 * spacings, {@code add_noise} and the L_simple training loss.
 */
package org.ddpm4j.schedule;
