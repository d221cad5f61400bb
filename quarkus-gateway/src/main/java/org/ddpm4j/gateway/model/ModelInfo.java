package org.ddpm4j.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What {@code GET /v1/models} says about one model.
 *
 * @param id the model's id (its folder name)
 * @param resolution the side of the square images it makes, in pixels ({@code sample_size})
 * @param channels the channels of its images ({@code out_channels})
 * @param parameters the number of weights in its safetensors file
 * @param config its diffusers {@code config.json}
 * @param scheduler its {@code scheduler_config.json}, if it has one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelInfo(
    String id, int resolution, int channels, long parameters, Map<String, Object> config, Map<String, Object> scheduler) {}
