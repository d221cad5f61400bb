package org.ddpm4j.gateway.generation;

import org.ddpm4j.sampler.SamplerSettings;

/**
 * What to sample, after validation.
 *
 * @param model the model id
 * @param n the number of images; they are sample indices 0..n-1 of the seed
 * @param seed the seed of the {@link org.ddpm4j.noise.NoiseSource}
 * @param sampler the sampler, steps and eta
 * @param previewEvery report a preview of the predicted x0 every this many steps (0: never)
 */
public record SampleSpec(String model, int n, long seed, SamplerSettings sampler, int previewEvery) {}
