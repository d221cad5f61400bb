/**
 * {@code ddpm4j evaluate}: the bulk-sampling job and the scoring job in one run, with one report.
 *
 * <p>{@link Evaluation} checks everything it can before sampling (the feature network, the reference, the model's
 * image shape against the network), runs {@link org.ddpm4j.flink.sample.SampleJob} into the output folder, scores its
 * {@code samples/} with {@link org.ddpm4j.flink.fid.FidJob}, and writes {@code report.json}
 * ({@link EvaluationReport}: the scoring report plus the sampling manifest) and the self-contained
 * {@code report.html} ({@link HtmlReport}, with a grid of the first samples from {@link SampleGrid}).
 */
package org.ddpm4j.flink.evaluate;
