package org.ddpm4j.flink.fid;

import java.io.Serializable;
import org.ddpm4j.eval.ImageBatch;
import org.ddpm4j.flink.sample.ImageShape;

/**
 * What the report and the checks need to know about a feature network.
 *
 * @param kind {@code fmnist} or {@code inception}
 * @param file the network's file or folder
 * @param id the network's {@link org.ddpm4j.eval.FeatureExtractor#id()}
 * @param sha256 SHA-256 of the weights file (lower-case hex)
 * @param featureDim the feature length
 * @param hasProbabilities whether it gives class probabilities (so an Inception Score)
 * @param metricSuffix appended to the metric names: "" for the standard Inception ("FID"), "-FMNIST" for the
 *     Fashion-MNIST classifier ("FID-FMNIST", never "FID")
 * @param channels the channels it takes; 3 means gray images are replicated to RGB
 * @param size the image side it takes, 0 for any
 */
public record ExtractorInfo(String kind, String file, String id, String sha256, int featureDim,
    boolean hasProbabilities, String metricSuffix, int channels, int size) implements Serializable {

  /**
   * The images as the network takes them: gray replicated to RGB where it takes RGB.
   *
   * @param source the input the images come from, for the message
   * @throws IllegalArgumentException naming the input, the images' shape and the network's when it cannot take them
   */
  public ImageBatch adapt(ImageBatch images, String source) {
    ImageBatch x = channels == 3 && images.channels() == 1 ? images.toRgb() : images;
    if (x.channels() != channels || (size > 0 && (x.height() != size || x.width() != size))) {
      throw new IllegalArgumentException(source + ": images are " + ImageInput.describe(new ImageShape(
          images.height(), images.width(), images.channels())) + ", but the " + kind + " extractor takes "
          + (size > 0 ? size + "x" + size : "any size") + " with " + (channels == 3 ? "1 or 3" : channels)
          + " channel(s)");
    }
    return x;
  }
}
