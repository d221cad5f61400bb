package org.ddpm4j.gateway.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/** Names JSON fields and types in problem details the way a client wrote them, not as Java sees them. */
final class JsonPaths {
  private JsonPaths() {}

  /** The dotted JSON path of the member a binding error is about ({@code ""} for the root). */
  static String of(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()))
        .collect(Collectors.joining("."));
  }

  /** The JSON type a Java target type reads. */
  static String jsonType(Class<?> target) {
    if (target == null) {
      return "value";
    }
    if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
      return "integer";
    }
    if (target == Double.class || target == double.class || target == Float.class || target == float.class) {
      return "number";
    }
    if (target == String.class || target.isEnum()) {
      return "string";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "boolean";
    }
    return "object";
  }

  /** The width of an integer target type, for an out-of-range message. */
  static String bits(Class<?> target) {
    return target == Long.class || target == long.class ? "64-bit" : "32-bit";
  }
}
