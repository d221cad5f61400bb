/** Test support: the test model directory, the in-process reference sampler, and readers of SSE and metrics. */
package org.ddpm4j.gateway.testing;
