package org.ddpm4j.flink.sample;

import com.google.gson.JsonObject;

/**
 * What a generator makes, as checked on the client before the job starts.
 *
 * @param shape the image shape
 * @param settings everything the images depend on (e.g. model hash, sampler settings, seed); recorded in job.json
 *     and the manifest, and a resumed run must match it exactly
 * @param source where the model comes from (informative only: a moved model folder with the same hash may resume)
 */
public record GeneratorInfo(ImageShape shape, JsonObject settings, String source) {}
