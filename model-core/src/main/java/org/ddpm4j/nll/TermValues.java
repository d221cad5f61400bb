package org.ddpm4j.nll;

/**
 * The bound's terms at one timestep, one entry per image of the batch. KL and decoder are in bits/dim (mean over the
 * C x H x W elements, divided by ln 2).
 *
 * @param vb the term that enters the bound: the decoder NLL at t = 0, the KL otherwise
 * @param kl KL(q(x_{t-1} | x_t, x_0) || p(x_{t-1} | x_t))
 * @param decoderNll -log p(x_0 | x_t) under the discretized Gaussian decoder
 * @param mse mean squared error of the noise implied by the (clipped) predicted x_0
 * @param xstartMse mean squared error of the predicted x_0
 */
public record TermValues(double[] vb, double[] kl, double[] decoderNll, double[] mse, double[] xstartMse) {}
