package org.ddpm4j.flink.fid;

/**
 * The features of one {@link Chunk}, float32 row-major, and for the samples side the class probabilities where the
 * network gives them. A public record with public-typed fields, so that Flink serializes it without Kryo.
 *
 * @param side {@link Chunk#SAMPLES} or {@link Chunk#REFERENCE}
 * @param from the index of the first image
 * @param rows the number of images
 * @param dim the feature length
 * @param features {@code rows * dim} values
 * @param classes the number of classes, 0 without probabilities
 * @param probabilities {@code rows * classes} values (empty without)
 */
public record FeatureChunk(int side, int from, int rows, int dim, float[] features, int classes,
    float[] probabilities) {

  /** The same chunk without its features (only what IS needs goes to the client). */
  public FeatureChunk withoutFeatures() {
    return new FeatureChunk(side, from, rows, dim, new float[0], classes, probabilities);
  }
}
