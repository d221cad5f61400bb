/**
 * Dynamic batching: a bounded queue of sampling jobs per model, and a dispatcher that gathers the U-Net calls of
 * every running job into one forward per step.
 *
 * <p>A job is any code that samples with an {@link org.ddpm4j.sampler.EpsModel} (in the gateway: the model-core
 * sampling loop). Each job runs on its own thread with a stand-in EpsModel; a call to it parks the job until the
 * {@link org.ddpm4j.gateway.batching.ModelLane} has gathered the calls of all running jobs of that model, made one
 * forward over all their rows (each row with its own timestep, so jobs that joined later or use another schedule still
 * share it) and handed each job its own rows back. A job that runs alone gets exactly the forward it asked for.
 */
package org.ddpm4j.gateway.batching;
