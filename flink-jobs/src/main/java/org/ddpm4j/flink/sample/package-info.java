/**
 * The bulk-sampling job: N samples of a DDPM as a Flink batch job, the same bytes whatever the parallelism, every
 * index written exactly once (temporary name, then rename), resumable, with a manifest written only after success.
 *
 * <p>Data flow: a source of batch numbers (fixed index ranges {@code [k*B, (k+1)*B)}) -> {@link BatchSampler}, which
 * owns one {@link BatchGenerator} per subtask -> {@link SampleFilesSink}, which writes the files by index.
 * {@link SampleJob} plans, checks and runs it and writes the manifest.
 */
package org.ddpm4j.flink.sample;
