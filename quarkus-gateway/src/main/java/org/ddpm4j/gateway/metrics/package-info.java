/**
 * Micrometer metrics of the gateway (exported for Prometheus at {@code /q/metrics}): request latency histogram, queue
 * depth, rows and requests per forward, images made.
 */
package org.ddpm4j.gateway.metrics;
