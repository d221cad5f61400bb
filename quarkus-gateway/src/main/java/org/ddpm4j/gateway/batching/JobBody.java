package org.ddpm4j.gateway.batching;

import org.ddpm4j.sampler.EpsModel;

/**
 * The work of one job: it samples with the EpsModel it is given, whose calls the scheduler batches with other jobs'.
 *
 * @param <T> the job's result
 */
@FunctionalInterface
public interface JobBody<T> {
  /** Runs the job on the calling thread. */
  T run(EpsModel eps) throws Exception;
}
