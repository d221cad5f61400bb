package org.ddpm4j.flink.fid;

import org.ddpm4j.eval.FeatureExtractor;
import org.ddpm4j.eval.FeatureMatrix;
import org.ddpm4j.eval.ImageBatch;

/** A fake network whose features are each image's first two pixels, except image 3 of a batch: NaN. */
record NanFeatures() implements ExtractorFactory {
  static final String ID = "nan-test";

  @Override
  public FeatureExtractor open() {
    return new FeatureExtractor() {
      @Override
      public String id() {
        return ID;
      }

      @Override
      public int featureDim() {
        return 2;
      }

      @Override
      public FeatureMatrix features(ImageBatch images) {
        int size = images.channels() * images.height() * images.width();
        float[] f = new float[images.count() * 2];
        for (int i = 0; i < images.count(); i++) {
          f[2 * i] = i == 3 ? Float.NaN : images.pixels()[i * size] & 0xFF;
          f[2 * i + 1] = images.pixels()[i * size + 1] & 0xFF;
        }
        return new FeatureMatrix(images.count(), 2, f);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public ExtractorInfo inspect() {
    return new ExtractorInfo("nan-test", "none", ID, "0".repeat(64), 2, false, "-TEST", 1, 28);
  }
}
