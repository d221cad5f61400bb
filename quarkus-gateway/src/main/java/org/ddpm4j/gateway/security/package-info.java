/** Optional API-key authentication of the {@code /v1} endpoints (off by default, on by configuration). */
package org.ddpm4j.gateway.security;
