/**
 * Image generation: turns a checked {@link org.ddpm4j.gateway.generation.SampleSpec} into a batching job that runs
 * the model-core sampling loop with the request's own seeded noise, reporting progress and previews on the way.
 */
package org.ddpm4j.gateway.generation;
