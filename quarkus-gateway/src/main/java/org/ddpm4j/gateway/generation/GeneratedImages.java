package org.ddpm4j.gateway.generation;

import org.ddpm4j.image.Uint8Images;

/**
 * The result of a sampling job.
 *
 * @param spec what was asked
 * @param images the n images, exactly as {@code ddpm4j sample} would write them for the same settings
 */
public record GeneratedImages(SampleSpec spec, Uint8Images images) {}
