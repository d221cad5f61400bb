package org.ddpm4j.gateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import org.ddpm4j.gateway.batching.BatchJob;
import org.ddpm4j.gateway.batching.BatchingSettings;
import org.ddpm4j.gateway.batching.QueueFullException;
import org.ddpm4j.gateway.generation.GeneratedImages;
import org.ddpm4j.gateway.generation.ImageGenerator;
import org.ddpm4j.gateway.generation.ProgressListener;
import org.ddpm4j.gateway.metrics.GatewayMetrics;
import org.ddpm4j.gateway.problem.Problem;
import org.ddpm4j.gateway.problem.ProblemException;
import org.ddpm4j.gateway.render.ImageEncoder;
import org.ddpm4j.image.Uint8Images;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /v1/images} (one answer) and {@code POST /v1/images/stream} (server-sent progress, then the images). */
@Path("/v1/images")
@Tag(name = "images", description = "Sample images")
public final class ImagesResource {
  /** The header that tells the seed used. */
  public static final String SEED_HEADER = "X-Ddpm4j-Seed";
  private static final String PNG = "image/png";

  private final RequestValidator validator;
  private final ImageGenerator generator;
  private final GatewayMetrics metrics;
  private final ObjectMapper json;
  private final StreamSettings stream;
  private final BatchingSettings batching;

  /** The resource over its collaborators. */
  @Inject
  public ImagesResource(RequestValidator validator, ImageGenerator generator, GatewayMetrics metrics, ObjectMapper json,
      StreamSettings stream, BatchingSettings batching) {
    this.validator = validator;
    this.generator = generator;
    this.metrics = metrics;
    this.json = json;
    this.stream = stream;
    this.batching = batching;
  }

  /**
   * Samples images and answers with one PNG, a grid PNG or JSON, as the request's format says. Quarkus REST cancels
   * the returned Uni when the client closes the connection, which cancels the job.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({PNG, MediaType.APPLICATION_JSON})
  @Blocking
  @Operation(summary = "Sample images",
      description = "Same settings and seed give the same images as `ddpm4j sample`; format png (n=1), grid or json")
  @APIResponse(responseCode = "200", description = "the image(s)", content = {
      @Content(mediaType = PNG, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
      @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImageResult.class))})
  @APIResponse(responseCode = "400", description = "a field broke a rule",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "unknown model",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "queue full; see Retry-After",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "504", description = "deadline exceeded",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> create(ImageRequest body) {
    long start = System.nanoTime();
    ValidatedRequest request = validator.validate(body);
    BatchJob<GeneratedImages> job = submit(request, ProgressListener.NONE);
    job.result().whenComplete((images, error) -> finished("images", error, start, request));
    return Uni.createFrom().completionStage(job.result())
        .onCancellation().invoke(job::cancel)
        .map(images -> render(request, images))
        .onFailure().transform(e -> JobFailures.toClient(e, batching.retryAfterSeconds()));
  }

  /**
   * Samples images and streams events: {@code step} after every step, {@code preview} every previewEvery steps, then
   * {@code result} (an ImageResult) or {@code error} (a problem). Closing the connection cancels the work.
   */
  @POST
  @Path("/stream")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Blocking
  @Operation(summary = "Sample images with streamed progress",
      description = "Events: step {step, steps, progress}, preview {step, steps, image}, result (ImageResult), error")
  @APIResponse(responseCode = "200", description = "the event stream")
  @APIResponse(responseCode = "400", description = "a field broke a rule",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "queue full; see Retry-After",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Multi<OutboundSseEvent> stream(ImageRequest body, @Context Sse sse) {
    long start = System.nanoTime();
    ValidatedRequest request = validator.validate(body);
    SseChannel channel = new SseChannel(sse, json);
    BatchJob<GeneratedImages> job = submit(request, new SseProgress(channel, stream.previewSize()));
    job.result().whenComplete((images, error) -> {
      finished("stream", error, start, request);
      if (error == null) {
        channel.finish(StreamEvents.RESULT, result(request, images));
      } else {
        Throwable shown = JobFailures.toClient(error, batching.retryAfterSeconds());
        channel.finish(StreamEvents.ERROR, shown instanceof ProblemException p ? p.problem()
            : new Problem("urn:ddpm4j:problem:internal", "Internal error", 500, "sampling failed", null, null));
      }
    });
    return channel.stream(job::cancel);
  }

  private BatchJob<GeneratedImages> submit(ValidatedRequest request, ProgressListener listener) {
    try {
      return generator.submit(request.sample(), listener);
    } catch (QueueFullException e) {
      metrics.rejected();
      throw ProblemException.unavailable(e.getMessage(), batching.retryAfterSeconds());
    }
  }

  private void finished(String endpoint, Throwable error, long start, ValidatedRequest request) {
    metrics.request(endpoint, JobFailures.outcome(error), Duration.ofNanos(System.nanoTime() - start));
    if (error == null) {
      metrics.imagesMade(request.sample().n());
    }
  }

  private static Response render(ValidatedRequest request, GeneratedImages generated) {
    Uint8Images images = generated.images();
    Response.ResponseBuilder answer = switch (request.format()) {
      case PNG -> Response.ok(ImageEncoder.png(images, 0), PNG);
      case GRID -> Response.ok(ImageEncoder.grid(images), PNG);
      case JSON -> Response.ok(result(request, generated), MediaType.APPLICATION_JSON);
    };
    return answer.header(SEED_HEADER, request.sample().seed()).build();
  }

  private static ImageResult result(ValidatedRequest request, GeneratedImages generated) {
    Uint8Images images = generated.images();
    List<String> encoded = request.format() == OutputFormat.GRID
        ? List.of(ImageEncoder.base64(ImageEncoder.grid(images))) : ImageEncoder.base64(images);
    return new ImageResult(ImageSettings.of(request), images.width(), images.height(), encoded);
  }
}
