/**
 * From a diffusers model folder to 8-bit images: {@link org.ddpm4j.pipeline.DiffusionPipeline} loads the U-Net and
 * scheduler config named by a {@link org.ddpm4j.pipeline.PipelineConfig} and generates the images of (seed, global
 * sample indices). The command line, the Flink jobs and the HTTP gateway all sample through it, so the same (model,
 * sampler settings, seed, index) gives the same bytes in each.
 */
package org.ddpm4j.pipeline;
