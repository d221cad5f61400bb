package org.ddpm4j.gateway.api;

import org.ddpm4j.gateway.generation.SampleSpec;

/**
 * A request that passed every rule.
 *
 * @param sample what to sample
 * @param format how to answer
 */
public record ValidatedRequest(SampleSpec sample, OutputFormat format) {}
