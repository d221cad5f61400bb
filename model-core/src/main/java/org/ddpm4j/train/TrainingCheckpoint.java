package org.ddpm4j.train;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ddpm4j.io.AtomicFiles;
import org.ddpm4j.io.CheckpointException;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.io.SafeTensors;
import org.ddpm4j.io.Tensor;

/**
 * The files of one training checkpoint folder. The folder is itself a diffusers model folder holding the EMA weights
 * (what {@code ddpm4j sample}, the Flink jobs and the gateway load), and beside it:
 *
 * <ul>
 *   <li>{@code raw/}: a diffusers model folder with the raw (optimized) weights;
 *   <li>{@code optimizer.safetensors}: Adam's moments {@code m.<key>} and {@code v.<key>};
 *   <li>{@code trainer_state.json}: the step counters and the training data ({@link TrainerState});
 *   <li>{@code train_config.json}: the {@link TrainConfig}.
 * </ul>
 *
 * Written into the empty temporary folder of a {@link CheckpointStore} save, so the whole folder appears at once.
 */
public final class TrainingCheckpoint {
  /** The raw weights' sub-folder. */
  public static final String RAW = "raw";
  /** Adam's moments. */
  public static final String OPTIMIZER = "optimizer.safetensors";
  /** The counters and the data source. */
  public static final String STATE = "trainer_state.json";
  /** The training config. */
  public static final String CONFIG = "train_config.json";

  /**
   * What a checkpoint holds, read back.
   *
   * @param modelConfig the U-Net's {@code config.json}
   * @param schedulerConfig the {@code scheduler_config.json}
   * @param raw the raw weights by key
   * @param ema the EMA weights by key
   * @param moments Adam's moments by {@code m.<key>} / {@code v.<key>}
   * @param state the counters and the data source
   * @param config the training config
   */
  public record Contents(JsonObject modelConfig, JsonObject schedulerConfig, Map<String, Tensor> raw,
      Map<String, float[]> ema, Map<String, float[]> moments, TrainerState state, TrainConfig config) {}

  private TrainingCheckpoint() {}

  /**
   * Writes a checkpoint into an empty folder.
   *
   * @param raw the raw weights in state_dict order (the live arrays; read, not kept)
   * @param ema the EMA weights in the same order
   */
  public static void write(Path dir, JsonObject modelConfig, JsonObject schedulerConfig, Map<String, NDArray> raw,
      Map<String, NDArray> ema, OptimizerState optimizer, TrainerState state, TrainConfig config) {
    ModelFolder.save(dir, modelConfig, tensors(ema), schedulerConfig);
    ModelFolder.save(dir.resolve(RAW), modelConfig, tensors(raw), schedulerConfig);
    SafeTensors.write(dir.resolve(OPTIMIZER), tensors(optimizer.tensors()),
        Map.of("adam_steps", Long.toString(optimizer.steps())));
    AtomicFiles.write(dir.resolve(STATE), (state.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(dir.resolve(CONFIG), (TrainConfigJson.toJson(config) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a checkpoint folder.
   *
   * @throws CheckpointException naming the file that is missing or malformed
   */
  public static Contents read(Path dir) {
    for (String name : List.of(ModelFolder.SCHEDULER_CONFIG, RAW, OPTIMIZER, STATE, CONFIG)) {
      if (!Files.exists(dir.resolve(name))) {
        throw new CheckpointException(dir.resolve(name) + ": missing; " + dir + " is not a complete training "
            + "checkpoint (written by ddpm4j train)");
      }
    }
    ModelFolder emaFolder = ModelFolder.open(dir);
    ModelFolder rawFolder = ModelFolder.open(dir.resolve(RAW));
    TrainerState state;
    TrainConfig config;
    try {
      state = TrainerState.fromJson(ModelFolder.readJson(dir.resolve(STATE)), dir.resolve(STATE));
      config = TrainConfigJson.read(dir.resolve(CONFIG), TrainConfig.DEFAULT);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(e.getMessage(), e);
    }
    return new Contents(emaFolder.config(), emaFolder.schedulerConfig().orElseThrow(), rawFolder.weights().tensors(),
        floats(emaFolder.weights().tensors()), floats(SafeTensors.read(dir.resolve(OPTIMIZER)).tensors()), state,
        config);
  }

  private static List<Tensor> tensors(Map<String, NDArray> arrays) {
    List<Tensor> out = new ArrayList<>(arrays.size());
    arrays.forEach((k, a) -> out.add(Tensor.ofFloats(k, a.getShape().getShape(), a.toFloatArray())));
    return out;
  }

  private static Map<String, float[]> floats(Map<String, Tensor> tensors) {
    Map<String, float[]> out = new LinkedHashMap<>();
    tensors.forEach((k, t) -> out.put(k, t.toFloats()));
    return out;
  }
}
