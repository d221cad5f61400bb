package org.ddpm4j.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.nio.file.Path;
import org.ddpm4j.train.data.DatasetConfig;
import org.ddpm4j.train.data.DatasetKind;
import org.ddpm4j.train.data.Split;

/**
 * The counters and the data source of a training run at a checkpoint, {@code trainer_state.json}. The randomness
 * needs no state of its own: {@link TrainRandom} and {@link org.ddpm4j.train.data.Batcher} draw step k's batch,
 * timesteps, noise and dropout from (seed, k) alone, so the seed (in the training config) and {@code step} restore
 * it exactly.
 *
 * @param step optimizer steps completed
 * @param adamSteps Adam's update count (equal to {@code step}; kept so the optimizer state is self-contained)
 * @param emaSteps the EMA's optimization step
 * @param dataset the training data
 */
public record TrainerState(long step, long adamSteps, long emaSteps, DatasetConfig dataset) {

  /** The state as JSON. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("step", step);
    o.addProperty("adam_steps", adamSteps);
    o.addProperty("ema_optimization_step", emaSteps);
    JsonObject d = new JsonObject();
    d.addProperty("kind", dataset.kind().id());
    d.addProperty("path", dataset.path().toString());
    d.addProperty("split", dataset.split().name().toLowerCase(java.util.Locale.ROOT));
    d.addProperty("resolution", dataset.resolution());
    d.addProperty("channels", dataset.channels());
    o.add("dataset", d);
    o.addProperty("rng", "counter-based: step k draws from (seed, k) only; no generator state to save");
    return o;
  }

  /**
   * Reads the state written by {@link #toJson()}.
   *
   * @param source the file, for error messages
   * @throws IllegalArgumentException naming the file and the field that is missing or invalid
   */
  public static TrainerState fromJson(JsonObject o, Path source) {
    try {
      JsonObject d = o.getAsJsonObject("dataset");
      DatasetConfig dataset = new DatasetConfig(
          DatasetKind.fromId(d.get("kind").getAsString()),
          Path.of(d.get("path").getAsString()),
          Split.valueOf(d.get("split").getAsString().toUpperCase(java.util.Locale.ROOT)),
          d.get("resolution").getAsInt(),
          d.get("channels").getAsInt());
      return new TrainerState(o.get("step").getAsLong(), o.get("adam_steps").getAsLong(),
          o.get("ema_optimization_step").getAsLong(), dataset);
    } catch (NullPointerException | ClassCastException | IllegalStateException | JsonParseException
        | UnsupportedOperationException e) {
      throw new IllegalArgumentException(source + ": missing or invalid field (" + e.getMessage() + ")", e);
    }
  }
}
