package org.ddpm4j.cli;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.train.CheckpointStore;
import org.ddpm4j.train.LossCurve;
import org.ddpm4j.train.ProgressBar;
import org.ddpm4j.train.StopSignal;
import org.ddpm4j.train.TrainConfig;
import org.ddpm4j.train.TrainConfigJson;
import org.ddpm4j.train.Trainer;
import org.ddpm4j.train.data.DatasetConfig;
import org.ddpm4j.train.data.DatasetKind;
import org.ddpm4j.train.data.Split;
import org.ddpm4j.unet.UNetConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ddpm4j train}: trains a model folder (e.g. from {@code ddpm4j init}) on a dataset, or resumes a run. The
 * training config is {@link TrainConfig#DEFAULT}, then {@code --config FILE}, then the flags, each laid over the
 * previous; a resumed run starts from its checkpoint's config instead of the defaults.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains a DDPM eps-model with L_simple (Adam with linear warm-up, gradient clipping, EMA of the weights).",
      "The run folder gets checkpoint-<step>/ (a diffusers model folder with the EMA weights, plus raw/, "
          + "optimizer.safetensors, trainer_state.json, train_config.json), train_log.jsonl, loss_curve.png and "
          + "samples/. "
          + "SIGTERM or Ctrl-C saves a checkpoint of the current step before exiting; --resume continues exactly."
    })
public final class TrainCommand implements Callable<Integer> {
  /** The loss plot written into the run folder at the end of every session. */
  static final String LOSS_CURVE = "loss_curve.png";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "DIR", description = "the model folder to start from (ddpm4j init)")
  Path model;

  @Option(names = "--data", paramLabel = "PATH", description = "the dataset: a folder or file (see --dataset)")
  Path data;

  @Option(names = "--dataset", defaultValue = "fashion-mnist", paramLabel = "KIND",
      description = "mnist, fashion-mnist, cifar10 or folder (default: ${DEFAULT-VALUE})")
  String datasetKind;

  @Option(names = "--split", defaultValue = "train", paramLabel = "train|test",
      description = "the split of an IDX or CIFAR-10 dataset (default: ${DEFAULT-VALUE})")
  String split;

  @Option(names = "--out", paramLabel = "DIR", description = "the run folder of a new run")
  Path out;

  @Option(names = "--resume", paramLabel = "DIR",
      description = "continue the run in DIR (its newest checkpoint) or from the checkpoint folder DIR")
  Path resume;

  @Option(names = "--config", paramLabel = "FILE", description = "training config JSON (keys of TrainConfig)")
  Path config;

  @Option(names = "--steps", paramLabel = "N", description = "total optimizer steps of the run")
  Long steps;

  @Option(names = "--batch-size", paramLabel = "B", description = "images per step")
  Integer batchSize;

  @Option(names = "--lr", paramLabel = "LR", description = "Adam learning rate after warm-up")
  Double lr;

  @Option(names = "--seed", paramLabel = "S", description = "seed of the batches, timesteps, noise and dropout")
  Long seed;

  @Option(names = "--warmup", paramLabel = "N", description = "linear learning-rate warm-up steps")
  Long warmup;

  @Option(names = "--grad-clip", paramLabel = "X", description = "max global gradient norm (0: off)")
  Double gradClip;

  @Option(names = "--ema-decay", paramLabel = "D", description = "maximum EMA decay")
  Double emaDecay;

  @Option(names = "--checkpoint-every", paramLabel = "N", description = "checkpoint interval in steps")
  Long checkpointEvery;

  @Option(names = "--keep", paramLabel = "K", description = "checkpoints to keep")
  Integer keep;

  @Option(names = "--sample-every", paramLabel = "N", description = "sample-grid interval in steps (0: never)")
  Long sampleEvery;

  @Option(names = "--random-flip", arity = "0..1", paramLabel = "true|false",
      description = "mirror training images left-right at random")
  Boolean randomFlip;

  @Option(names = "--threads", defaultValue = "0", paramLabel = "T",
      description = "libtorch intra-op threads; 0: libtorch's default (default: ${DEFAULT-VALUE})")
  int threads;

  @Override
  public Integer call() {
    if (threads < 0) {
      throw new IllegalArgumentException("--threads = " + threads + " must be >= 0");
    }
    if (threads > 0) {
      Engine.getInstance(); // loads libtorch before the JNI call
      JniUtils.setNumThreads(threads);
    }
    var stdout = spec.commandLine().getOut();
    try (Trainer trainer = open(); StopSignal stop = StopSignal.install(120)) {
      TrainConfig c = trainer.config();
      stdout.printf(Locale.ROOT, "train: %,d parameters, run folder %s, from step %d to %d (batch %d, lr %s, "
              + "seed %d)%n", trainer.model().parameterCount(), trainer.runDir(), trainer.step(), c.steps(),
          c.batchSize(), c.optimizer().lr(), c.seed());
      stdout.flush();
      long start = System.nanoTime();
      long first = trainer.step();
      ProgressBar bar = new ProgressBar(System.err, c.steps(), first, start);
      long done = trainer.run(stop, r -> bar.update(r.step(), r.loss(), System.nanoTime()));
      bar.finish();
      LossCurve.DEFAULT.write(trainer.runDir().resolve(Trainer.LOG), trainer.runDir().resolve(LOSS_CURVE));
      double seconds = (System.nanoTime() - start) / 1e9;
      stdout.printf(Locale.ROOT, "train: %s at step %d (%d steps in %.1f s, %.3f s/step); checkpoint %s%n",
          stop.requested() ? "stopped" : "finished", done, done - first, seconds,
          done > first ? seconds / (done - first) : 0.0,
          new CheckpointStore(trainer.runDir(), 1).folder(done));
      stdout.flush();
    }
    return 0;
  }

  private Trainer open() {
    JsonObject overrides = flags();
    if (resume != null) {
      if (model != null || out != null || data != null) {
        throw new IllegalArgumentException("--resume continues a run with its own model, data and folder; "
            + "do not combine it with --model, --data or --out");
      }
      return Trainer.resume(resume, saved -> merged(saved, overrides));
    }
    if (model == null || data == null || out == null) {
      throw new IllegalArgumentException("a new run needs --model, --data and --out (or --resume DIR)");
    }
    UNetConfig unet = UNetConfig.fromJson(ModelFolder.readJson(model.resolve(ModelFolder.CONFIG)),
        model.resolve(ModelFolder.CONFIG).toString());
    if (unet.sampleSize().isEmpty()) {
      throw new IllegalArgumentException(model.resolve(ModelFolder.CONFIG) + ": sample_size is null; training "
          + "needs the image size");
    }
    DatasetConfig dataset = new DatasetConfig(DatasetKind.fromId(datasetKind), data, Split.fromId(split),
        unet.sampleSize().get(0), unet.inChannels());
    return Trainer.start(model, dataset, merged(TrainConfig.DEFAULT, overrides), out);
  }

  private TrainConfig merged(TrainConfig base, JsonObject overrides) {
    TrainConfig withFile = config == null ? base : TrainConfigJson.read(config, base);
    return TrainConfigJson.merge(withFile, overrides, "command line");
  }

  /** The flags that were given, as a partial training config. */
  private JsonObject flags() {
    JsonObject o = new JsonObject();
    JsonObject optimizer = new JsonObject();
    JsonObject ema = new JsonObject();
    put(o, "steps", steps);
    put(o, "batchSize", batchSize);
    put(optimizer, "lr", lr);
    put(o, "seed", seed);
    put(o, "warmupSteps", warmup);
    put(o, "gradClip", gradClip);
    put(ema, "decay", emaDecay);
    put(o, "checkpointEvery", checkpointEvery);
    put(o, "keepLast", keep);
    put(o, "sampleEvery", sampleEvery);
    if (randomFlip != null) {
      o.addProperty("randomFlip", randomFlip);
    }
    if (optimizer.size() > 0) {
      o.add("optimizer", optimizer);
    }
    if (ema.size() > 0) {
      o.add("ema", ema);
    }
    return o;
  }

  private static void put(JsonObject o, String key, Number value) {
    if (value != null) {
      o.addProperty(key, value);
    }
  }
}
