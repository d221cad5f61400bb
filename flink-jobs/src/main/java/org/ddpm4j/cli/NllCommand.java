package org.ddpm4j.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ddpm4j.io.AtomicFiles;
import org.ddpm4j.io.ModelFolder;
import org.ddpm4j.nll.BoundSummary;
import org.ddpm4j.nll.DatasetBound;
import org.ddpm4j.pipeline.DiffusionPipeline;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.train.data.DatasetConfig;
import org.ddpm4j.train.data.DatasetKind;
import org.ddpm4j.train.data.Datasets;
import org.ddpm4j.train.data.Split;
import org.ddpm4j.train.data.Uint8Dataset;
import org.ddpm4j.unet.UNet2DModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ddpm4j nll}: the variational bound of a model on a dataset in bits/dim, with its terms, as the DDPM paper
 * reports NLL.
 */
@Command(
    name = "nll",
    mixinStandardHelpOptions = true,
    description = {
      "Negative log-likelihood bound in bits/dim (Ho et al. 2020, Table 2): the prior term L_T, the KL terms L_t for "
          + "every t with the scheduler's fixed variance, and the discretized Gaussian decoder L_0, averaged over the "
          + "first --n images of the dataset. One model call per timestep and batch: T x ceil(n / batch) calls."
    })
public final class NllCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "a diffusers model folder")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "PATH", description = "the dataset (see --dataset)")
  Path data;

  @Option(names = "--dataset", defaultValue = "fashion-mnist", paramLabel = "KIND",
      description = "mnist, fashion-mnist, cifar10 or folder (default: ${DEFAULT-VALUE})")
  String datasetKind;

  @Option(names = "--split", defaultValue = "test", paramLabel = "train|test",
      description = "the split of an IDX or CIFAR-10 dataset (default: ${DEFAULT-VALUE})")
  String split;

  @Option(names = "--n", paramLabel = "N", description = "images to evaluate, the first N (default: all)")
  Integer n;

  @Option(names = "--batch", defaultValue = "100", paramLabel = "B", description = "images per model call "
      + "(default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "noise seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", paramLabel = "FILE", description = "also write the summary and every timestep's term "
      + "as JSON")
  Path out;

  @Override
  public Integer call() {
    SchedulerConfig scheduler = DiffusionPipeline.schedulerConfig(ModelFolder.open(model));
    Split s = Split.fromId(split);
    try (UNet2DModel unet = UNet2DModel.load(model)) {
      int size = unet.config().sampleSize().isEmpty() ? 0 : unet.config().sampleSize().get(0);
      Uint8Dataset dataset = Datasets.open(
          new DatasetConfig(DatasetKind.fromId(datasetKind), data, s, size, unet.config().inChannels()));
      int count = n != null ? n : dataset.size();
      DatasetBound bound = new DatasetBound(DatasetBound.configOf(scheduler), batch, seed);
      long calls = (long) scheduler.numTrainTimesteps() * ((count + batch - 1) / batch);
      ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), calls, count, System::nanoTime);
      BoundSummary r = bound.evaluate(unet, scheduler, dataset, count, done -> bar.step());
      bar.images(count);
      bar.finish();
      var stdout = spec.commandLine().getOut();
      stdout.printf(Locale.ROOT, "nll: %s, %d images of %s (%s): %.4f +- %.4f bits/dim (prior %.6f, decoder L_0 %.4f, "
              + "KL terms L_1..L_%d %.4f), %.1f s%n", model, r.n(), data, split, r.total(), r.totalStdErr(), r.prior(),
          r.decoder(), scheduler.numTrainTimesteps() - 1, r.klSum(), bar.elapsedSeconds());
      if (out != null) {
        AtomicFiles.write(out, report(r, bar.elapsedSeconds()).getBytes(StandardCharsets.UTF_8));
        stdout.println("nll: wrote " + out);
      }
      stdout.flush();
    }
    return 0;
  }

  private String report(BoundSummary r, double seconds) {
    JsonObject o = new JsonObject();
    o.addProperty("model", model.toString());
    o.addProperty("data", data.toString());
    o.addProperty("dataset", datasetKind);
    o.addProperty("split", split);
    o.addProperty("n", r.n());
    o.addProperty("seed", seed);
    o.addProperty("bits_per_dim", r.total());
    o.addProperty("bits_per_dim_stderr", r.totalStdErr());
    o.addProperty("prior_bpd", r.prior());
    o.addProperty("decoder_bpd", r.decoder());
    o.addProperty("kl_terms_bpd", r.klSum());
    JsonArray terms = new JsonArray();
    for (double v : r.perTimestep()) {
      terms.add(v);
    }
    o.add("term_bpd_by_t", terms);
    o.addProperty("wall_s", seconds);
    return new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
  }
}
