package org.ddpm4j.gateway.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure that reaches the HTTP layer to a problem detail. The most specific mapper wins, so Jackson's
 * own subtypes are named one by one (Quarkus ships default mappers for some of them).
 */
public final class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  /** A problem raised on purpose. */
  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return respond(e.problem(), e.headers());
  }

  /** A JSON member nobody reads (likely a typo). */
  @ServerExceptionMapper
  public Response unknownField(UnrecognizedPropertyException e) {
    String field = JsonPaths.of(e);
    return respond(ProblemException.invalidField(field, "unknown field; allowed: " + e.getKnownPropertyIds(),
        "the request has a field '" + field + "' that this endpoint does not know").problem(), Map.of());
  }

  /** A JSON value of the wrong type, e.g. {@code "n": "five"}. */
  @ServerExceptionMapper
  public Response wrongType(MismatchedInputException e) {
    String field = JsonPaths.of(e);
    String expected = JsonPaths.jsonType(e.getTargetType());
    if (field.isEmpty()) {
      return respond(ProblemException.malformedBody(null, "the request body must be a JSON " + expected).problem(),
          Map.of());
    }
    return respond(ProblemException.invalidField(field, "must be a JSON " + expected,
        "field '" + field + "' has the wrong type: expected a JSON " + expected).problem(), Map.of());
  }

  /** Any other binding failure. */
  @ServerExceptionMapper
  public Response binding(JsonMappingException e) {
    String field = JsonPaths.of(e);
    return respond(ProblemException.malformedBody(field.isEmpty() ? null : field,
        "the request body could not be read as an ImageRequest").problem(), Map.of());
  }

  /** A number too large for its field, e.g. a seed beyond 64 bits. */
  @ServerExceptionMapper
  public Response outOfRange(InputCoercionException e) {
    String field = currentName(e);
    return respond(ProblemException.invalidField(field, "must fit in a " + JsonPaths.bits(e.getTargetType()) + " integer",
        "field '" + field + "' is out of range for its type").problem(), Map.of());
  }

  /** Not JSON at all, or cut short. */
  @ServerExceptionMapper
  public Response malformed(JsonProcessingException e) {
    String field = currentName(e);
    String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
        + e.getLocation().getColumnNr();
    return respond(ProblemException.malformedBody(field, "the request body is not valid JSON" + where).problem(),
        Map.of());
  }

  /** Framework errors: unknown path (404), wrong method (405), wrong content type (415), not acceptable (406). */
  @ServerExceptionMapper
  public Response framework(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return json(json);
    }
    Response original = e.getResponse();
    int status = original.getStatus();
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type == null ? "HTTP " + status : type.getReasonPhrase();
    Problem problem = new Problem("urn:ddpm4j:problem:http-" + status, title, status, frameworkDetail(status),
        status == 415 ? "Content-Type" : status == 406 ? "Accept" : null, frameworkRule(status));
    String allow = original.getHeaderString(HttpHeaders.ALLOW);
    return respond(problem, allow == null ? Map.of() : Map.of(HttpHeaders.ALLOW, allow));
  }

  /** A JSON error that reached us wrapped: answered by the mapper of its own type. */
  private Response json(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return unknownField(u);
    }
    if (e instanceof MismatchedInputException m) {
      return wrongType(m);
    }
    if (e instanceof JsonMappingException m) {
      return binding(m);
    }
    if (e instanceof InputCoercionException c) {
      return outOfRange(c);
    }
    return malformed(e);
  }

  /** Anything else is our fault: logged with its stack trace, answered without one. */
  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    LOG.error("unexpected error while serving a request", e);
    return respond(new Problem("urn:ddpm4j:problem:internal", "Internal error", 500,
        "the server failed to handle the request; the error was logged", null, null), Map.of());
  }

  private static String frameworkDetail(int status) {
    return switch (status) {
      case 404 -> "no resource at this path; see /q/swagger-ui for the API";
      case 405 -> "this path does not accept that HTTP method (see the Allow header)";
      case 406 -> "the endpoint cannot produce a response of the media type the Accept header asks for";
      case 415 -> "the request body must be sent as Content-Type: application/json";
      case 401 -> "a valid API key is required";
      default -> "the request could not be served";
    };
  }

  private static String frameworkRule(int status) {
    return switch (status) {
      case 406 -> "must accept image/png, application/json or text/event-stream as the endpoint produces";
      case 415 -> "must be application/json";
      default -> null;
    };
  }

  private static String currentName(JsonProcessingException e) {
    if (e.getProcessor() instanceof JsonParser parser) {
      return parser.getParsingContext().getCurrentName();
    }
    return null;
  }

  /** The response for a problem, with its media type and extra headers. */
  static Response respond(Problem problem, Map<String, String> headers) {
    Response.ResponseBuilder b = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    headers.forEach(b::header);
    return b.build();
  }
}
