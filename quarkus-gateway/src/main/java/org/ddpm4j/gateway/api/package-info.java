/**
 * The HTTP API: the JAX-RS resources under {@code /v1}, the request and response bodies, and the validation that turns
 * a request body into checked settings (every broken rule is a 400 problem naming the field).
 */
package org.ddpm4j.gateway.api;
