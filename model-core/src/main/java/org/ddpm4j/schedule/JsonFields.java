package org.ddpm4j.schedule;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Typed reads of the fields of one JSON configuration object, with defaults for absent (or null) fields and errors
 * that name the source, the field and the offending value.
 */
final class JsonFields {
  private final JsonObject object;
  private final String source;

  JsonFields(JsonObject object, String source) {
    this.object = object;
    this.source = source;
  }

  /** The field's value, or null when it is absent or JSON null. */
  private JsonElement get(String field) {
    JsonElement e = object.get(field);
    return e == null || e.isJsonNull() ? null : e;
  }

  boolean bool(String field, boolean absent) {
    JsonElement e = get(field);
    if (e == null) {
      return absent;
    }
    if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean())) {
      throw invalid(field, e, "a boolean");
    }
    return e.getAsBoolean();
  }

  int integer(String field, int absent) {
    JsonElement e = get(field);
    if (e == null) {
      return absent;
    }
    try {
      return number(field, e).intValueExact();
    } catch (ArithmeticException ex) {
      throw invalid(field, e, "an integer");
    }
  }

  double real(String field, double absent) {
    JsonElement e = get(field);
    return e == null ? absent : number(field, e).doubleValue();
  }

  /** A number, or one of the strings {@code "inf"}, {@code "-inf"} (also {@code "Infinity"}, {@code "-Infinity"}). */
  double extendedReal(String field, double absent) {
    JsonElement e = get(field);
    if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
      switch (e.getAsString()) {
        case "inf", "Infinity" -> {
          return Double.POSITIVE_INFINITY;
        }
        case "-inf", "-Infinity" -> {
          return Double.NEGATIVE_INFINITY;
        }
        default -> throw invalid(field, e, "a number, \"inf\" or \"-inf\"");
      }
    }
    return real(field, absent);
  }

  String string(String field, String absent) {
    JsonElement e = get(field);
    if (e == null) {
      return absent;
    }
    if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) {
      throw invalid(field, e, "a string");
    }
    return e.getAsString();
  }

  /** A list of numbers; empty when the field is absent or null. */
  List<Double> reals(String field) {
    JsonElement e = get(field);
    if (e == null) {
      return List.of();
    }
    if (!e.isJsonArray()) {
      throw invalid(field, e, "a list of numbers");
    }
    JsonArray a = e.getAsJsonArray();
    List<Double> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(number(field + "[" + i + "]", a.get(i)).doubleValue());
    }
    return out;
  }

  /**
   * One of an enum's constants, named in lower case ({@code FIXED_SMALL} is {@code "fixed_small"}).
   *
   * @param absent the value for an absent or null field (may be null)
   */
  <E extends Enum<E>> E choice(String field, Class<E> type, E absent) {
    String s = string(field, null);
    if (s == null) {
      return absent;
    }
    for (E c : type.getEnumConstants()) {
      if (c.name().toLowerCase(Locale.ROOT).equals(s)) {
        return c;
      }
    }
    String valid = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
    throw unsupported(field, get(field), valid);
  }

  /** Fails unless the field is absent, null or equal to the only supported value. */
  void requireOnly(String field, JsonPrimitive supported) {
    JsonElement e = get(field);
    if (e != null && !e.equals(supported)) {
      throw unsupported(field, e, supported.toString());
    }
  }

  /** The error for a field whose value is well-formed but not supported. */
  IllegalArgumentException unsupported(String field, JsonElement value, String supported) {
    return new IllegalArgumentException(
        source + ": " + field + " = " + value + " is not supported (supported: " + supported + ")");
  }

  private BigDecimal number(String field, JsonElement e) {
    if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber())) {
      throw invalid(field, e, "a number");
    }
    try {
      return e.getAsBigDecimal();
    } catch (NumberFormatException ex) {
      throw invalid(field, e, "a number");
    }
  }

  private IllegalArgumentException invalid(String field, JsonElement value, String expected) {
    return new IllegalArgumentException(source + ": " + field + " must be " + expected + ", got " + value);
  }
}
