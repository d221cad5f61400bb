package org.ddpm4j.gateway.model;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.pipeline.DiffusionPipeline;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.unet.UNet2DModel;

/**
 * A model ready to sample: the U-Net, the scheduler config of its folder (chosen as {@link DiffusionPipeline} and so
 * {@code ddpm4j sample} choose it: diffusers' defaults when it has none) and the shape of one sample.
 *
 * @param id the model id
 * @param unet the network
 * @param scheduler the scheduler config the samplers are built from
 * @param sampleShape (C, H, W) of one image: {@code in_channels} and {@code sample_size}
 */
public record LoadedModel(String id, UNet2DModel unet, SchedulerConfig scheduler, Shape sampleShape)
    implements AutoCloseable {

  /**
   * Loads a model folder.
   *
   * @throws IllegalArgumentException or {@link org.ddpm4j.io.CheckpointException} naming the file and what is wrong
   */
  public static LoadedModel load(String id, Path folder) {
    SchedulerConfig scheduler = DiffusionPipeline.schedulerConfig(ModelFolder.open(folder));
    UNet2DModel unet = UNet2DModel.load(folder);
    try {
      List<Integer> size = unet.config().sampleSize();
      if (size.isEmpty()) {
        throw new IllegalArgumentException(folder.resolve(ModelCatalog.CONFIG)
            + ": sample_size is null; the gateway needs it to know the image size");
      }
      int height = size.get(0);
      int width = size.size() > 1 ? size.get(1) : height;
      return new LoadedModel(id, unet, scheduler, new Shape(unet.config().inChannels(), height, width));
    } catch (RuntimeException e) {
      unet.close();
      throw e;
    }
  }

  /** Frees the network's native memory. */
  @Override
  public void close() {
    unet.close();
  }
}
