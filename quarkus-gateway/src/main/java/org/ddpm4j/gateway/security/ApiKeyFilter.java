package org.ddpm4j.gateway.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.ddpm4j.gateway.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the API key header on every REST request when authentication is on; a missing or wrong key is answered 401
 * with a problem body. Keys are compared in constant time. Health, metrics, OpenAPI and the web page are not REST
 * resources of this application and stay open.
 */
public final class ApiKeyFilter {
  private final ApiKeySettings settings;
  private final List<byte[]> keys;

  /** A filter for the given settings. */
  @Inject
  public ApiKeyFilter(ApiKeySettings settings) {
    this.settings = settings;
    this.keys = settings.keys().stream().filter(k -> !k.isBlank())
        .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
  }

  /** Null to let the request through, else the 401 response. */
  @ServerRequestFilter
  public Response check(ContainerRequestContext request) {
    if (!settings.enabled()) {
      return null;
    }
    String given = request.getHeaderString(settings.header());
    if (given != null && matches(given.getBytes(StandardCharsets.UTF_8))) {
      return null;
    }
    String detail = given == null ? "the request has no " + settings.header() + " header"
        : "the key in the " + settings.header() + " header is not accepted";
    return Response.status(401).type(Problem.MEDIA_TYPE)
        .header("WWW-Authenticate", "ApiKey header=\"" + settings.header() + "\"")
        .entity(new Problem("urn:ddpm4j:problem:unauthorized", "Unauthorized", 401, detail, settings.header(),
            "must carry a configured API key"))
        .build();
  }

  private boolean matches(byte[] given) {
    boolean any = false;
    for (byte[] key : keys) {
      any |= MessageDigest.isEqual(key, given);
    }
    return any;
  }
}
