package org.ddpm4j.flink.evaluate;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ddpm4j.eval.ImageBatch;
import org.ddpm4j.flink.fid.ExtractorFactory;
import org.ddpm4j.flink.fid.ExtractorInfo;
import org.ddpm4j.flink.fid.FidJob;
import org.ddpm4j.flink.fid.FidJobSettings;
import org.ddpm4j.flink.fid.FidResult;
import org.ddpm4j.flink.sample.BatchGeneratorFactory;
import org.ddpm4j.flink.sample.GeneratorInfo;
import org.ddpm4j.flink.sample.ImageShape;
import org.ddpm4j.flink.sample.OutputLayout;
import org.ddpm4j.flink.sample.SampleJob;
import org.ddpm4j.flink.sample.SampleJobResult;
import org.ddpm4j.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an evaluation: checks the feature network, the reference and the model's image shape before sampling, runs
 * the bulk-sampling job, then the scoring job on its samples, and writes {@code report.json} and
 * {@code report.html} atomically, both only after both jobs succeeded.
 */
public final class Evaluation {
  private static final Logger LOG = LoggerFactory.getLogger(Evaluation.class);

  private Evaluation() {}

  /**
   * What a finished evaluation did.
   *
   * @param sampling the sample job's result (wall time, samples per second)
   * @param scoring the metrics
   * @param report what was written to report.json
   */
  public record Result(SampleJobResult sampling, FidResult scoring, JsonObject report) {}

  /**
   * Runs the evaluation to completion.
   *
   * @throws IllegalArgumentException naming the option for bad input found before sampling (an unusable reference,
   *     a model whose images the network cannot take) or an unusable output folder
   * @throws org.ddpm4j.io.CheckpointException naming the file for an unreadable model, network or statistics file
   * @throws org.ddpm4j.flink.JobFailedException when a job fails (no report is written)
   */
  public static Result run(EvaluateSettings settings, BatchGeneratorFactory generator, ExtractorFactory extractor) {
    FidJobSettings scoring = settings.scoring();
    ExtractorInfo info = extractor.inspect();
    FidJob.checkReference(scoring, info);
    GeneratorInfo model = generator.inspect();
    ImageShape shape = model.shape();
    info.adapt(new ImageBatch(1, shape.channels(), shape.height(), shape.width(), new byte[(int) shape.bytes()]),
        "--model " + model.source());
    SampleJobResult sampled = SampleJob.run(settings.sampling(), generator);
    FidJob.Scored scored = FidJob.score(scoring, extractor);
    Path out = settings.sampling().out();
    OutputLayout layout = settings.sampling().layout();
    JsonObject report = EvaluationReport.of(scored.report(), layout.manifest());
    EvaluationReport.write(out.resolve(EvaluateSettings.REPORT_JSON), report);
    String html = HtmlReport.render(report, SampleGrid.png(layout),
        Math.min(settings.sampling().count(), SampleGrid.MAX_SAMPLES));
    AtomicFiles.write(out.resolve(EvaluateSettings.REPORT_HTML), html.getBytes(StandardCharsets.UTF_8));
    LOG.info("evaluate: {} -> {}", scored.result().summary(), out);
    return new Result(sampled, scored.result(), report);
  }
}
