/**
 * The gateway's configuration: one {@link org.ddpm4j.gateway.config.GatewayConfig} mapping of the
 * {@code ddpm4j.gateway.*} properties, and the producers that turn each of its groups into the typed settings record
 * of the component that reads it.
 */
package org.ddpm4j.gateway.config;
