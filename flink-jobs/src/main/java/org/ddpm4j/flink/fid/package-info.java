/**
 * The scoring job: FID (or FID-FMNIST), KID and IS of a set of samples against a reference, as a Flink batch job.
 *
 * <p>Data flow: a source of chunk positions (fixed index ranges of the images of each side, {@link Chunk}) ->
 * {@link FeatureComputer}, which owns one feature extractor per subtask and turns a chunk into its features ->
 * {@link PartialStatistics}, one streaming mean/covariance per side and subtask -> a keyed reduce that merges them
 * into one per side. The features themselves go to the client only where KID or IS needs them. {@link FidJob}
 * checks the inputs, runs the job, computes the metrics and writes {@code report.json} ({@link FidReport}).
 */
package org.ddpm4j.flink.fid;
