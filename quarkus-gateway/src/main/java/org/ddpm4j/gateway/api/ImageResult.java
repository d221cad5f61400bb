package org.ddpm4j.gateway.api;

import java.util.List;

/**
 * The JSON answer of {@code POST /v1/images} with format json, and the last event of a stream.
 *
 * @param settings the settings used
 * @param width the width of each image in pixels
 * @param height the height of each image in pixels
 * @param images base64 PNGs: one per image (format json or png), or the one grid (format grid)
 */
public record ImageResult(ImageSettings settings, int width, int height, List<String> images) {}
