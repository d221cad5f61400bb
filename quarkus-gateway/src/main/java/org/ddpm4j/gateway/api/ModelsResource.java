package org.ddpm4j.gateway.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ddpm4j.gateway.model.ModelCatalog;
import org.ddpm4j.gateway.model.ModelInfo;
import org.ddpm4j.gateway.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v1/models} and {@code GET /v1/models/{id}}: the models of the model directory. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models", description = "The models that can be sampled")
public final class ModelsResource {
  private final ModelCatalog catalog;
  private final RequestRules rules;

  /** The resource over the catalog. */
  @Inject
  public ModelsResource(ModelCatalog catalog, RequestRules rules) {
    this.catalog = catalog;
    this.rules = rules;
  }

  /** Every model: id, resolution, channels, parameter count and configs. */
  @GET
  @Operation(summary = "List the models")
  public ModelList list() {
    return new ModelList(rules.defaultModel(), catalog.list());
  }

  /** One model. */
  @GET
  @Path("/{id}")
  @Operation(summary = "Describe one model")
  @APIResponse(responseCode = "200", description = "the model",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelInfo.class)))
  @APIResponse(responseCode = "400", description = "the id is not a plain name",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "no such model",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public ModelInfo get(@PathParam("id") String id) {
    return catalog.describe(id);
  }
}
