package org.ddpm4j.flink.fid;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.ddpm4j.io.AtomicFiles;

/**
 * report.json: the metrics with their names ("FID" or "FID-FMNIST", likewise KID and IS), KID's and IS's spreads or
 * why they were omitted, the inputs and their image counts, the feature network (id, file, SHA-256) and the run
 * (parallelism, wall time). Written atomically, only after the metrics are computed.
 */
final class FidReport {
  private FidReport() {}

  /** The report's JSON. */
  static JsonObject of(FidJobSettings settings, ExtractorInfo info, SideInput[] sides, FidResult r) {
    JsonObject report = new JsonObject();
    report.addProperty("status", "complete");
    report.addProperty("metric", r.name("FID"));
    report.addProperty("value", r.fid().value());
    JsonObject fid = new JsonObject();
    fid.addProperty("name", r.name("FID"));
    fid.addProperty("value", r.fid().value());
    fid.addProperty("meanTerm", r.fid().meanTerm());
    fid.addProperty("traceSamples", r.fid().trace1());
    fid.addProperty("traceReference", r.fid().trace2());
    fid.addProperty("traceSqrtProduct", r.fid().traceSqrtProduct());
    fid.addProperty("offsetApplied", r.fid().offsetApplied());
    report.add("fid", fid);
    JsonObject kid = new JsonObject();
    kid.addProperty("name", r.name("KID"));
    if (r.kid() != null) {
      kid.addProperty("mean", r.kid().mean());
      kid.addProperty("std", r.kid().std());
      kid.addProperty("subsets", r.kid().subsetValues().length);
      kid.addProperty("subsetSize", r.kid().subsetSize());
      kid.addProperty("seed", settings.seed());
    } else {
      kid.addProperty("omitted", r.kidOmitted());
    }
    report.add("kid", kid);
    JsonObject is = new JsonObject();
    is.addProperty("name", r.name("IS"));
    if (r.is() != null) {
      is.addProperty("mean", r.is().mean());
      is.addProperty("std", r.is().std());
      is.addProperty("splits", r.is().splitScores().length);
      is.addProperty("seed", settings.seed());
    } else {
      is.addProperty("omitted", r.isOmitted());
    }
    report.add("is", is);
    JsonObject n = new JsonObject();
    n.addProperty("samples", r.samples());
    n.addProperty("reference", r.reference());
    report.add("n", n);
    report.add("samples", input(sides[Chunk.SAMPLES], r.samples()));
    report.add("reference", input(sides[Chunk.REFERENCE], r.reference()));
    JsonObject extractor = new JsonObject();
    extractor.addProperty("kind", info.kind());
    extractor.addProperty("id", info.id());
    extractor.addProperty("file", info.file());
    extractor.addProperty("sha256", info.sha256());
    extractor.addProperty("featureDim", info.featureDim());
    report.add("extractor", extractor);
    report.addProperty("parallelism", settings.parallelism());
    report.addProperty("batchSize", settings.batchSize());
    report.addProperty("wallTimeSeconds", r.wallSeconds());
    report.addProperty("finishedAt", Instant.now().toString());
    return report;
  }

  private static JsonObject input(SideInput side, int count) {
    JsonObject o = new JsonObject();
    o.addProperty("input", side.spec());
    o.addProperty("kind", side.hasImages() ? side.images().kind() : "statistics");
    if (side.hasImages()) {
      o.addProperty("images", count);
    }
    return o;
  }

  /** Writes the report atomically. */
  static void write(Path file, JsonObject report) {
    AtomicFiles.write(file,
        (new GsonBuilder().setPrettyPrinting().create().toJson(report) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
