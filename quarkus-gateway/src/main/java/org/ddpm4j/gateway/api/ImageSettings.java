package org.ddpm4j.gateway.api;

import org.ddpm4j.gateway.generation.SampleSpec;

/**
 * The settings a response was made with, defaults filled in: send them back as a request to get the same images.
 *
 * @param model the model id
 * @param n the number of images
 * @param seed the seed
 * @param sampler ddpm, ddim or dpmpp
 * @param steps the sampling steps
 * @param eta DDIM's eta
 * @param format png, grid or json
 */
public record ImageSettings(String model, int n, long seed, String sampler, int steps, double eta, String format) {
  /** The settings of a validated request. */
  public static ImageSettings of(ValidatedRequest request) {
    SampleSpec s = request.sample();
    return new ImageSettings(s.model(), s.n(), s.seed(), s.sampler().kind().id(), s.sampler().steps(),
        s.sampler().eta(), request.format().wireName());
  }
}
