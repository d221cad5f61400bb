package org.ddpm4j.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, with two extension members that say what to fix.
 *
 * @param type a URN naming the kind of problem
 * @param title a short summary of that kind
 * @param status the HTTP status
 * @param detail what was wrong with this request
 * @param field the request field at fault (JSON name, dotted for nested members), if one is
 * @param rule the rule the field broke, e.g. {@code 1 <= n <= 64}, if one did
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, String rule) {
  /** The media type of a problem body. */
  public static final String MEDIA_TYPE = "application/problem+json";
}
