/** Encodes generated images for responses: one PNG, a grid PNG, base64 PNGs, and small previews. */
package org.ddpm4j.gateway.render;
