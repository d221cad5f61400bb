/**
 * SmallRye Health checks: liveness (the process answers, with the queue depth) and readiness (the default model is loaded, which
 * the start-up warm-up does in the background).
 */
package org.ddpm4j.gateway.health;
