/**
 * The models the gateway can serve: the {@link org.ddpm4j.gateway.model.ModelCatalog} of a configured directory
 * (listing, and id resolution that never leaves that directory) and the cache of loaded models.
 */
package org.ddpm4j.gateway.model;
