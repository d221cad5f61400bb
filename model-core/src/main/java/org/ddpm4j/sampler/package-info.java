/** Samplers (DDPM ancestral, DDIM, DPM-Solver++), each with setTimesteps and step, and the loop that drives them. */
package org.ddpm4j.sampler;
