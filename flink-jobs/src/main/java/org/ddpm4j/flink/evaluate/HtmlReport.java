package org.ddpm4j.flink.evaluate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The evaluation's self-contained {@code report.html}: the metrics table (named as in {@code report.json}, e.g.
 * "FID-FMNIST"), the settings table (every other field of {@code report.json}, flattened to dotted names, the
 * scoring job's top-level fields prefixed with {@code scoring.}) and the sample grid as an embedded base64 PNG. No
 * external resources; every string is HTML-escaped.
 */
final class HtmlReport {
  /** The fields shown in the metrics table rather than the settings table. */
  private static final Set<String> METRIC_FIELDS = Set.of("status", "metric", "value", "fid", "kid", "is", "n");

  private HtmlReport() {}

  /**
   * The page.
   *
   * @param report the evaluation's report.json
   * @param gridPng the PNG bytes of the sample grid
   * @param gridCount the number of samples in the grid
   */
  static String render(JsonObject report, byte[] gridPng, int gridCount) {
    StringBuilder html = new StringBuilder();
    String title = "ddpm4j evaluate: " + report.get("metric").getAsString() + " " + report.get("value").getAsString();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title)).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}")
        .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}")
        .append("td.v{font-family:monospace}img{image-rendering:pixelated;width:512px}\n")
        .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
    html.append("<h2>Metrics</h2>\n");
    table(html, metrics(report));
    html.append("<h2>Samples</h2>\n<p>").append(escape("The first " + gridCount + " samples.")).append("</p>\n")
        .append("<img alt=\"sample grid\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(gridPng)).append("\">\n");
    html.append("<h2>Settings</h2>\n");
    Map<String, String> settings = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : report.entrySet()) {
      if (!METRIC_FIELDS.contains(e.getKey())) {
        // the scoring report's own run fields (parallelism, batchSize, wallTimeSeconds) apart from sampling's
        flatten(e.getValue().isJsonObject() ? e.getKey() : "scoring." + e.getKey(), e.getValue(), settings);
      }
    }
    table(html, settings);
    return html.append("</body>\n</html>\n").toString();
  }

  /** The metric rows: FID's value, KID's and IS's mean and std (or why omitted), the image counts. */
  private static Map<String, String> metrics(JsonObject report) {
    Map<String, String> rows = new LinkedHashMap<>();
    JsonObject fid = report.getAsJsonObject("fid");
    rows.put(fid.get("name").getAsString(), fid.get("value").getAsString());
    for (String key : new String[] {"kid", "is"}) {
      JsonObject m = report.getAsJsonObject(key);
      rows.put(m.get("name").getAsString(), m.has("mean")
          ? m.get("mean").getAsString() + " \u00b1 " + m.get("std").getAsString()
          : "omitted: " + m.get("omitted").getAsString());
    }
    JsonObject n = report.getAsJsonObject("n");
    rows.put("samples", n.get("samples").getAsString());
    rows.put("reference images", n.get("reference").getAsString());
    return rows;
  }

  private static void flatten(String name, JsonElement value, Map<String, String> into) {
    if (value.isJsonObject()) {
      for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
        flatten(name + "." + e.getKey(), e.getValue(), into);
      }
    } else {
      into.put(name, value.isJsonPrimitive() ? value.getAsString() : value.toString());
    }
  }

  private static void table(StringBuilder html, Map<String, String> rows) {
    html.append("<table>\n");
    rows.forEach((k, v) -> html.append("<tr><th>").append(escape(k)).append("</th><td class=\"v\">")
        .append(escape(v)).append("</td></tr>\n"));
    html.append("</table>\n");
  }

  /** The text with {@code & < > " '} replaced by their entities. */
  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(c);
      }
    }
    return s.toString();
  }
}
