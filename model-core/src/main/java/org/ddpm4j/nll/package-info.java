/**
 * Negative log-likelihood of a DDPM through its variational bound, in bits per dimension, as the paper (Ho et al.
 * 2020, Table 2) and openai/improved-diffusion ({@code calc_bpd_loop}) compute it: the prior term at T, the KL terms
 * L_t of every timestep with a fixed reverse variance, and the discretized Gaussian decoder at t = 0.
 */
package org.ddpm4j.nll;
