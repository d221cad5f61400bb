package org.ddpm4j.gateway.testing;

import static io.restassured.RestAssured.given;

/** Reads one value from the Prometheus scrape at /q/metrics, for the tests. */
public final class Metrics {
  private Metrics() {}

  /**
   * The value of the first sample whose line starts with {@code series} (a metric name, optionally with the start of
   * its labels), or 0 if there is none.
   */
  public static double value(String series) {
    for (String line : given().get("/q/metrics").asString().split("\n")) {
      if (line.startsWith(series) && !line.startsWith("#")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }
}
