package org.ddpm4j.gateway.api;

import java.util.List;
import org.ddpm4j.gateway.model.ModelInfo;

/**
 * The answer of {@code GET /v1/models}.
 *
 * @param defaultModel the model a request without one gets
 * @param models the models in the model directory, by id
 */
public record ModelList(String defaultModel, List<ModelInfo> models) {}
