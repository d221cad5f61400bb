package org.ddpm4j.flink.evaluate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The HTML page of a hand-made report: tables, the embedded grid, escaping. */
class HtmlReportTest {
  private static final String REPORT = """
      {"status": "complete", "metric": "FID-FMNIST", "value": 12.5,
       "fid": {"name": "FID-FMNIST", "value": 12.5},
       "kid": {"name": "KID-FMNIST", "mean": 0.01, "std": 0.002},
       "is": {"name": "IS-FMNIST", "omitted": "the <network> gives no probabilities"},
       "n": {"samples": 16, "reference": 10000},
       "samples": {"input": "/tmp/a&b/samples"}, "batchSize": 64,
       "sampling": {"generator": {"sampler": {"kind": "ddim", "steps": 2}}, "modelSource": "/m/\\"x\\"'y"}}
      """;

  @Test
  void rendersTablesAndGridWithEveryStringEscaped() {
    JsonObject report = JsonParser.parseString(REPORT).getAsJsonObject();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    String html = HtmlReport.render(report, png, 16);
    assertAll(html,
        () -> assertTrue(html.startsWith("<!DOCTYPE html>")),
        () -> assertTrue(html.contains("<title>ddpm4j evaluate: FID-FMNIST 12.5</title>")),
        () -> assertTrue(html.contains("<tr><th>FID-FMNIST</th><td class=\"v\">12.5</td></tr>")),
        () -> assertTrue(html.contains("<tr><th>KID-FMNIST</th><td class=\"v\">0.01 \u00b1 0.002</td></tr>")),
        () -> assertTrue(html.contains(
            "<tr><th>IS-FMNIST</th><td class=\"v\">omitted: the &lt;network&gt; gives no probabilities</td></tr>")),
        () -> assertTrue(html.contains("<tr><th>reference images</th><td class=\"v\">10000</td></tr>")),
        () -> assertTrue(html.contains("<tr><th>samples.input</th><td class=\"v\">/tmp/a&amp;b/samples</td></tr>")),
        () -> assertTrue(html.contains("<tr><th>sampling.generator.sampler.steps</th><td class=\"v\">2</td></tr>")),
        () -> assertTrue(html.contains("<td class=\"v\">/m/&quot;x&quot;&#39;y</td>")),
        () -> assertTrue(html.contains("<tr><th>scoring.batchSize</th><td class=\"v\">64</td></tr>")),
        () -> assertTrue(html.contains("src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
            + "\"")),
        () -> assertFalse(html.contains("<network>")),
        () -> assertFalse(html.contains("<th>status</th>"), "metrics fields stay out of the settings table"),
        () -> assertFalse(html.contains("src=\"http"), "self-contained"));
  }

  @Test
  void escapesTheFiveSpecialCharacters() {
    assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;",
        HtmlReport.escape("<a href=\"x\">&'</a>"));
  }
}
