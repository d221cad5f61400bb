package org.ddpm4j.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.Locale;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.unet.UNet2DModel;
import org.ddpm4j.unet.UNetConfig;

/**
 * Images/s of {@link UNet2DModel#predict} with random weights, for {@code bench/unet-forward/run.sh}.
 *
 * <p>Usage: {@code UNetForwardBench CONFIG_JSON WARMUP_S MEASURE_S BATCH...}; prints one JSON line per batch size.
 * Threads come from {@code -Dai.djl.pytorch.num_threads}.
 */
public final class UNetForwardBench {
  private UNetForwardBench() {}

  /** Runs the benchmark. */
  public static void main(String[] args) {
    Path config = Path.of(args[0]);
    double warmup = Double.parseDouble(args[1]);
    double measure = Double.parseDouble(args[2]);
    UNetConfig cfg = UNetConfig.fromJson(ModelFolder.readJson(config), config.toString());
    int size = cfg.sampleSize().get(0);
    try (UNet2DModel model = UNet2DModel.create(cfg, 0); NDManager m = NDManager.newBaseManager()) {
      for (int i = 3; i < args.length; i++) {
        int b = Integer.parseInt(args[i]);
        NDArray x = m.randomNormal(new Shape(b, cfg.inChannels(), size, size));
        NDArray t = m.full(new Shape(b), 500, DataType.INT64);
        run(model, x, t, warmup);
        long[] result = run(model, x, t, measure);
        double seconds = result[1] / 1e9;
        System.out.printf(Locale.ROOT, "{\"impl\": \"ddpm4j\", \"threads\": %d, \"batch\": %d, \"iterations\": %d, "
            + "\"seconds\": %.4f, \"images_per_s\": %.4f, \"parameters\": %d}%n", JniUtils.getNumThreads(), b,
            result[0], seconds, b * result[0] / seconds, model.parameterCount());
        x.close();
        t.close();
      }
    }
  }

  /** Runs predictions for at least {@code budget} seconds (and at least 3); returns {passes, nanoseconds}. */
  private static long[] run(UNet2DModel model, NDArray x, NDArray t, double budget) {
    long n = 0;
    long start = System.nanoTime();
    while (true) {
      model.predict(x, t).close();
      n++;
      long elapsed = System.nanoTime() - start;
      if (n >= 3 && elapsed >= budget * 1e9) {
        return new long[] {n, elapsed};
      }
    }
  }
}
