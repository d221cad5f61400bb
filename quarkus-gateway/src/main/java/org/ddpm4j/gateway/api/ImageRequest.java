package org.ddpm4j.gateway.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v1/images} and {@code POST /v1/images/stream}. Every member is optional; absent members
 * take the defaults below. Unknown members are refused.
 *
 * @param model the model id (default: the configured default model)
 * @param n how many images (default 1)
 * @param seed the seed: image i of a request is sample index i of {@code ddpm4j sample --seed S} (default: random,
 *     reported back)
 * @param sampler ddpm, ddim or dpmpp (default ddim)
 * @param steps sampling steps (default 50)
 * @param eta DDIM's eta, 0 (deterministic) to 1 (default 0); only for ddim
 * @param format png (one image), grid (one PNG of all images) or json (base64 PNGs and the settings used); default
 *     png when n is 1, else grid
 * @param previewEvery streaming only: send a preview of the predicted x0 every this many steps (0: none)
 */
@Schema(name = "ImageRequest", description = "What to sample; every member is optional")
public record ImageRequest(
    @Schema(description = "model id, as listed by GET /v1/models", examples = "fashion-mnist") String model,
    @Schema(description = "number of images", minimum = "1", maximum = "64", defaultValue = "1") Integer n,
    @Schema(description = "seed; image i equals sample index i of `ddpm4j sample --seed`") Long seed,
    @Schema(description = "sampler", enumeration = {"ddpm", "ddim", "dpmpp"}, defaultValue = "ddim") String sampler,
    @Schema(description = "sampling steps", minimum = "1", maximum = "1000", defaultValue = "50") Integer steps,
    @Schema(description = "DDIM eta (ddim only)", minimum = "0", maximum = "1", defaultValue = "0") Double eta,
    @Schema(description = "response format", enumeration = {"png", "grid", "json"}) String format,
    @Schema(description = "stream only: preview every this many steps (0: none)", minimum = "0") Integer previewEvery) {}
