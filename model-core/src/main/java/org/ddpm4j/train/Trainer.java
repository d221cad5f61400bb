package org.ddpm4j.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.ddpm4j.io.CheckpointException;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.pipeline.DefaultScheduler;
import org.ddpm4j.schedule.ForwardProcess;
import org.ddpm4j.schedule.NoiseSchedule;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.schedule.SimpleLoss;
import org.ddpm4j.train.data.BatchConfig;
import org.ddpm4j.train.data.Batcher;
import org.ddpm4j.train.data.Dataset;
import org.ddpm4j.train.data.DatasetConfig;
import org.ddpm4j.train.data.Datasets;
import org.ddpm4j.unet.UNet2DModel;
import org.ddpm4j.unet.UNetConfig;

/**
 * Trains a U-Net with L_simple (Ho et al. 2020, Algorithm 1): for each step k, the batch of k, a uniform timestep
 * and Gaussian noise per image (all drawn from (seed, k), see {@link TrainRandom} and {@link Batcher}), the noised
 * images, eps-prediction with dropout, the mean squared error, backpropagation, global gradient-norm clipping, an
 * Adam update at the warm-up learning rate, and an EMA update, as diffusers' {@code train_unconditional.py} orders
 * them.
 *
 * <p>A run lives in a folder: {@code checkpoint-<step>/} ({@link TrainingCheckpoint}, kept by a
 * {@link CheckpointStore}), {@code train_log.jsonl} ({@link LossLog}) and {@code samples/step-<step>.png}
 * ({@link PreviewGrid}). Because nothing random depends on anything but (seed, step), a run resumed from a checkpoint
 * computes the same steps as one that never stopped. Every array of a step lives in a sub-manager closed at the end
 * of the step.
 */
public final class Trainer implements AutoCloseable {
  /** The training log's file name in the run folder. */
  public static final String LOG = "train_log.jsonl";
  /** The sample grids' folder in the run folder. */
  public static final String SAMPLES = "samples";

  private final Path runDir;
  private final UNet2DModel model;
  private final JsonObject schedulerJson;
  private final TrainConfig config;
  private final DatasetConfig data;
  private final Batcher batcher;
  private final TrainRandom random;
  private final ForwardProcess forward;
  private final Shape sampleShape;
  private final NDManager manager;
  private final Adam adam;
  private final Ema ema;
  private final CheckpointStore store;
  private final PreviewGrid preview;
  private long step;
  private long savedStep = -1;

  Trainer(Path runDir, UNet2DModel model, JsonObject schedulerJson, TrainConfig config, DatasetConfig data,
      Dataset dataset) {
    checkFit(model.config(), dataset, data);
    this.runDir = runDir;
    this.model = model;
    this.schedulerJson = schedulerJson;
    this.config = config;
    this.data = data;
    this.batcher = new Batcher(dataset, new BatchConfig(config.batchSize(), config.seed(), config.randomFlip()));
    this.random = new TrainRandom(config.seed());
    SchedulerConfig scheduler = SchedulerConfig.fromJson(schedulerJson, runDir + " scheduler_config.json");
    this.forward = new ForwardProcess(NoiseSchedule.of(scheduler));
    this.sampleShape = new Shape(dataset.channels(), dataset.height(), dataset.width());
    this.manager = NDManager.newBaseManager();
    this.adam = new Adam(config.optimizer(), model.parameters(), manager);
    this.ema = new Ema(config.ema(), model.parameters(), manager);
    this.store = new CheckpointStore(runDir, config.keepLast());
    this.preview = new PreviewGrid(model.config(), scheduler, config.sampleSteps(), config.sampleCount(),
        config.seed());
    model.parameters().values().forEach(p -> p.setRequiresGradient(true));
  }

  /**
   * A new run from a model folder (e.g. written by {@code ddpm4j init}): its config, weights and scheduler config.
   *
   * @throws IllegalArgumentException when the run folder already holds checkpoints (resume it instead) or the data
   *     does not fit the model
   */
  public static Trainer start(Path initModel, DatasetConfig data, TrainConfig config, Path runDir) {
    if (new CheckpointStore(runDir, 1).latest().isPresent()) {
      throw new IllegalArgumentException(runDir + ": already holds checkpoints; resume the run (--resume " + runDir
          + ") or choose a new folder");
    }
    ModelFolder folder = ModelFolder.open(initModel);
    JsonObject scheduler = folder.schedulerConfig().orElseGet(DefaultScheduler::json);
    Dataset dataset = Datasets.open(data);
    UNet2DModel model = UNet2DModel.load(initModel);
    return guarded(model, () -> new Trainer(runDir, model, scheduler, config, data, dataset));
  }

  /**
   * Continues a run from a checkpoint folder, or from the newest checkpoint of a run folder. The run folder is the
   * checkpoint's parent.
   *
   * @param overrides changes to the saved training config (e.g. more steps); the result is the same as an
   *     uninterrupted run only when they change nothing but {@code steps}, the checkpoint and sample intervals and
   *     {@code keepLast}
   * @throws CheckpointException naming the folder when there is no complete checkpoint
   */
  public static Trainer resume(Path from, UnaryOperator<TrainConfig> overrides) {
    Path checkpoint = CheckpointStore.step(from) >= 0 ? from
        : new CheckpointStore(from, 1).latest()
            .orElseThrow(() -> new CheckpointException(from + ": holds no checkpoint-<step> folder to resume from"));
    TrainingCheckpoint.Contents c = TrainingCheckpoint.read(checkpoint);
    TrainConfig config = overrides.apply(c.config());
    if (c.state().step() >= config.steps()) {
      throw new IllegalArgumentException(checkpoint + ": the run is complete (" + c.state().step() + " of "
          + config.steps() + " steps); ask for more steps to continue it");
    }
    Dataset dataset = Datasets.open(c.state().dataset());
    UNetConfig unetConfig = UNetConfig.fromJson(c.modelConfig(), checkpoint.resolve(ModelFolder.CONFIG).toString());
    UNet2DModel model = UNet2DModel.fromStateDict(unetConfig, c.raw(),
        checkpoint.resolve(TrainingCheckpoint.RAW).toString());
    Trainer t = guarded(model, () ->
        new Trainer(checkpoint.getParent(), model, c.schedulerConfig(), config, c.state().dataset(), dataset));
    try {
      t.adam.restore(c.moments(), c.state().adamSteps());
      t.ema.restore(c.ema(), c.state().emaSteps());
    } catch (IllegalArgumentException e) {
      t.close();
      throw new CheckpointException(checkpoint + ": " + e.getMessage(), e);
    }
    t.step = c.state().step();
    t.savedStep = t.step;
    t.store.removeLeftovers();
    return t;
  }

  private static Trainer guarded(UNet2DModel model, Supplier<Trainer> build) {
    try {
      return build.get();
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static void checkFit(UNetConfig config, Dataset dataset, DatasetConfig data) {
    if (config.inChannels() != dataset.channels() || config.outChannels() != dataset.channels()) {
      throw new IllegalArgumentException(data.path() + ": images have " + dataset.channels() + " channel(s), the "
          + "model takes in_channels = " + config.inChannels() + " and predicts out_channels = "
          + config.outChannels());
    }
    if (!config.sampleSize().isEmpty()
        && (config.sampleSize().get(0) != dataset.height()
            || config.sampleSize().get(config.sampleSize().size() - 1) != dataset.width())) {
      throw new IllegalArgumentException(data.path() + ": images are " + dataset.height() + "x" + dataset.width()
          + ", the model's sample_size is " + config.sampleSize());
    }
  }

  /** The steps completed. */
  public long step() {
    return step;
  }

  /** The training config. */
  public TrainConfig config() {
    return config;
  }

  /** The run folder. */
  public Path runDir() {
    return runDir;
  }

  /** The model being trained (raw weights). */
  public UNet2DModel model() {
    return model;
  }

  /** The EMA weights by key (live arrays; do not close). */
  public Map<String, NDArray> emaWeights() {
    return ema.weights();
  }

  /**
   * One optimizer step.
   *
   * @throws IllegalStateException naming the step, the loss and the gradient norm when either is not finite (the run
   *     diverged); nothing is updated then
   */
  public StepResult trainStep() {
    long start = System.nanoTime();
    long k = step;
    Map<String, NDArray> params = model.parameters();
    double lr = config.learningRate().at(k);
    try (NDManager sub = manager.newSubManager()) {
      NDArray x0 = batcher.images(sub, k);
      long[] t = random.timesteps(k, config.batchSize(), forward.schedule().numTrainTimesteps());
      NDArray noise = random.noise(sub, k, config.batchSize(), sampleShape);
      NDArray xt = forward.addNoise(x0, noise, t);
      NDArray timesteps = sub.create(t);
      JniUtils.setSeed(random.dropoutSeed(k));
      double loss;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray eps = model.forward(xt, timesteps, true);
        NDArray l = SimpleLoss.of(noise, eps);
        collector.backward(l);
        loss = l.getFloat();
      }
      boolean wasRecording = JniUtils.isGradMode();
      JniUtils.setGradMode(false);
      try {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        params.forEach((key, p) -> {
          NDArray g = p.getGradient();
          g.attach(sub);
          grads.put(key, g);
        });
        double gradNorm = GradientClipping.clip(grads.values(),
            config.gradClip() > 0 ? config.gradClip() : Double.POSITIVE_INFINITY);
        if (!Double.isFinite(loss) || !Double.isFinite(gradNorm)) {
          throw new IllegalStateException("training diverged at step " + (k + 1) + ": loss " + loss
              + ", gradient norm " + gradNorm);
        }
        adam.step(params, grads, lr);
        double decay = ema.step(params);
        step = k + 1;
        return new StepResult(step, loss, lr, gradNorm, decay, (System.nanoTime() - start) / 1e9);
      } finally {
        params.values().forEach(p -> JniUtils.zeroGrad((PtNDArray) p));
        JniUtils.setGradMode(wasRecording);
      }
    }
  }

  /**
   * Saves a checkpoint of the current step (atomically; older ones beyond {@code keepLast} are deleted).
   *
   * @return the checkpoint folder
   */
  public Path saveCheckpoint() {
    TrainerState state = new TrainerState(step, adam.steps(), ema.optimizationStep(), data);
    Path dir = store.save(step, tmp -> TrainingCheckpoint.write(tmp, model.config().toJson(), schedulerJson,
        model.parameters(), ema.weights(), adam.state(), state, config));
    savedStep = step;
    return dir;
  }

  /** Writes {@code samples/step-<step>.png} from the EMA weights and returns its path. */
  public Path writePreview() {
    Path file = runDir.resolve(SAMPLES).resolve(String.format(Locale.ROOT, "step-%07d.png", step));
    preview.write(ema.weights(), file);
    return file;
  }

  /**
   * Trains until {@code steps} or a stop request, appending every step to the log, saving a checkpoint every
   * {@code checkpointEvery} steps and at the end (also after a stop), and writing a sample grid every
   * {@code sampleEvery} steps.
   *
   * @param stop checked after every step
   * @param listener told about every step (progress display)
   * @return the steps completed
   */
  public long run(StopSignal stop, Consumer<StepResult> listener) {
    try {
      Files.createDirectories(runDir);
    } catch (IOException e) {
      throw new CheckpointException(runDir + ": cannot create the run folder (" + e.getMessage() + ")", e);
    }
    try (LossLog log = LossLog.open(runDir.resolve(LOG), step)) {
      while (step < config.steps() && !stop.requested()) {
        StepResult r = trainStep();
        log.append(r);
        listener.accept(r);
        if (every(config.checkpointEvery())) {
          saveCheckpoint();
        }
        if (every(config.sampleEvery())) {
          writePreview();
        }
      }
      if (savedStep != step) {
        saveCheckpoint();
      }
    }
    return step;
  }

  private boolean every(long interval) {
    return interval > 0 && step % interval == 0;
  }

  /** Frees the model, the optimizer state and the EMA weights. */
  @Override
  public void close() {
    adam.close();
    ema.close();
    manager.close();
    model.close();
  }
}
