package org.ddpm4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ddpm4j.image.GridLayout;
import org.ddpm4j.image.ImageConversion;
import org.ddpm4j.image.ImageGrid;
import org.ddpm4j.io.Tensor;
import org.ddpm4j.noise.NoiseSource;
import org.ddpm4j.sampler.Sampler;
import org.ddpm4j.sampler.SamplerFactory;
import org.ddpm4j.sampler.SamplerKind;
import org.ddpm4j.sampler.SamplerSettings;
import org.ddpm4j.sampler.SamplingLoop;
import org.ddpm4j.sampler.StepCallback;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.unet.UNet2DModel;
import org.ddpm4j.unet.UNetConfig;

/**
 * The sample grid a training run writes every few steps: DDIM (eta 0) from a copy of the EMA weights, always the
 * same seed and sample indices 0..n-1, so successive grids show the same samples improving.
 *
 * @param modelConfig the U-Net's configuration
 * @param scheduler the scheduler the samplers are built from
 * @param steps DDIM steps
 * @param count images in the grid
 * @param seed the sampling seed
 */
public record PreviewGrid(UNetConfig modelConfig, SchedulerConfig scheduler, int steps, int count, long seed) {

  /** Samples from the given weights and writes the grid PNG atomically. */
  public void write(Map<String, NDArray> weights, Path file) {
    Map<String, Tensor> stateDict = new LinkedHashMap<>();
    weights.forEach((k, a) -> stateDict.put(k, Tensor.ofFloats(k, a.getShape().getShape(), a.toFloatArray())));
    long[] indices = new long[count];
    for (int i = 0; i < count; i++) {
      indices[i] = i;
    }
    int size = modelConfig.sampleSize().get(0);
    Shape shape = new Shape(modelConfig.inChannels(), size, size);
    boolean wasRecording = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try (UNet2DModel model = UNet2DModel.fromStateDict(modelConfig, stateDict, "EMA weights");
        Sampler sampler = SamplerFactory.create(new SamplerSettings(SamplerKind.DDIM, steps, 0.0), scheduler);
        NDManager manager = NDManager.newBaseManager()) {
      NDArray x0 = new SamplingLoop(model, sampler)
          .sample(new NoiseSource(seed), indices, shape, manager, StepCallback.NONE);
      ImageGrid.write(ImageConversion.toUint8(x0), GridLayout.square(count), file);
    } finally {
      JniUtils.setGradMode(wasRecording);
    }
  }
}
