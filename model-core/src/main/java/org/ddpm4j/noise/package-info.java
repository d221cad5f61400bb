/** Counter-based Gaussian noise: the noise of sample i at step k is a pure function of (seed, i, k). */
package org.ddpm4j.noise;
