package org.ddpm4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ddpm4j.io.SafeTensors;
import org.ddpm4j.sampler.DdimSampler;
import org.ddpm4j.sampler.DdpmSampler;
import org.ddpm4j.sampler.EpsModel;
import org.ddpm4j.sampler.Sampler;
import org.ddpm4j.sampler.SamplingLoop;
import org.ddpm4j.sampler.StepCallback;
import org.ddpm4j.sampler.StepNoise;
import org.ddpm4j.sampler.StepNoiseProvider;
import org.ddpm4j.schedule.SchedulerConfig;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The end-to-end sampling runs of a golden folder: {@code e2e/<run>_<unet folder>.safetensors}, where run is
 * {@code ddim<N>} or {@code ddpm<N>}, sampled with the scheduler config {@code ddpm_cifar10_32/scheduler_config.json}
 * of the same root (a DDIM run builds its sampler from it as diffusers' {@code DDIMScheduler.from_config} does).
 *
 * <p>DDIM: every step teacher-forced (started from the stored {@code samples[i-1]}) within 2e-5, and the free-running
 * loop from {@code x_T} within 1e-3 at every step and at the end. DDPM: the loop from {@code x_T} with the stored
 * noise of every step, its checkpoints and final sample within 1e-4. Both: the timesteps exactly.
 */
public final class E2EGoldenCases {
  /** README: teacher-forced per-step differences (A) are at most 3.6e-6. */
  static final double DDIM_TEACHER_FORCED_ABS = 2e-5;
  /** README: a free-running random network grows differences to 9.7e-5 over 10 steps (A). */
  static final double DDIM_FREE_RUNNING_ABS = 1e-3;
  /** README: 1000 steps with a double scheduler move the result by 3.6e-5; float32 coefficients far less. */
  static final double DDPM_ABS = 1e-4;

  private static final Pattern RUN = Pattern.compile("(ddim|ddpm)(\\d+)_(.+)\\.safetensors");

  private E2EGoldenCases() {}

  /**
   * The runs under {@code root/e2e}; empty when there is none. A file whose name does not follow the convention
   * yields a failing test that names it.
   *
   * @param unetLoader loads the eps model of a UNet folder ({@code root/<unet folder>}); called once per folder, when
   *     a test that needs the model first runs
   */
  public static List<DynamicNode> discover(Path root, Function<Path, EpsModel> unetLoader) {
    Path dir = root.resolve("e2e");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".safetensors")).sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      return List.of(dynamicTest("list " + dir, () -> {
        throw new AssertionError("cannot list " + dir + ": " + e, e);
      }));
    }
    Map<Path, EpsModel> models = new HashMap<>();
    Function<Path, EpsModel> model = folder -> models.computeIfAbsent(folder, unetLoader);
    Path schedulerConfig = root.resolve("ddpm_cifar10_32").resolve("scheduler_config.json");
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path file : files) {
      String name = "e2e/" + file.getFileName();
      Matcher m = RUN.matcher(file.getFileName().toString());
      if (!m.matches()) {
        nodes.add(dynamicTest(name, () -> {
          throw new AssertionError(file + ": name is not <ddim|ddpm><steps>_<unet folder>.safetensors");
        }));
        continue;
      }
      Run run = new Run(file, m.group(1), Integer.parseInt(m.group(2)), root.resolve(m.group(3)), schedulerConfig);
      nodes.add(dynamicContainer(name, m.group(1).equals("ddim") ? ddim(run, model) : ddpm(run, model)));
    }
    return nodes;
  }

  /** One e2e file and what its name says. */
  private record Run(Path file, String kind, int steps, Path unetFolder, Path schedulerConfig) {
    SafeTensors tensors() {
      return SafeTensors.read(file);
    }

    /** The sampler of the run, timesteps set; DDIM's eta comes from the file's metadata (default 0). */
    Sampler sampler(SafeTensors t) {
      String declared = t.metadata().get("num_inference_steps");
      if (declared != null) {
        assertEquals(steps, Integer.parseInt(declared), file + ": num_inference_steps metadata vs file name");
      }
      SchedulerConfig config = SchedulerConfig.read(schedulerConfig);
      Sampler s = kind.equals("ddim")
          ? new DdimSampler(config, Double.parseDouble(t.metadata().getOrDefault("eta", "0")))
          : new DdpmSampler(config);
      s.setTimesteps(steps);
      return s;
    }

    /** The stored per-step noise when the file has it (DDPM, DDIM with eta &gt; 0), else none. */
    StepNoiseProvider storedNoise(SafeTensors t) {
      if (!t.contains("noise")) {
        return StepNoiseProvider.NONE;
      }
      GoldenTensors.Rows noise = GoldenTensors.rows(t, "noise");
      return (step, manager) -> shape -> {
        NDArray z = noise.get(manager, step);
        assertEquals(shape, z.getShape(), file + ": noise shape of step " + step);
        return z;
      };
    }
  }

  // ---- DDIM ----

  private static List<DynamicNode> ddim(Run run, Function<Path, EpsModel> model) {
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(timesteps(run));
    for (int i = 0; i < run.steps(); i++) {
      int step = i;
      tests.add(dynamicTest("step " + i + " teacher-forced", () -> ddimTeacherForced(run, model, step)));
    }
    tests.add(dynamicTest("free-running loop", () -> ddimFreeRunning(run, model)));
    return tests;
  }

  private static void ddimTeacherForced(Run run, Function<Path, EpsModel> model, int i) {
    SafeTensors t = run.tensors();
    EpsModel eps = model.apply(run.unetFolder());
    try (NDManager m = NDManager.newBaseManager(); Sampler sampler = run.sampler(t)) {
      int timestep = sampler.timesteps()[i];
      GoldenTensors.Rows samples = GoldenTensors.rows(t, "samples");
      NDArray x = i == 0 ? GoldenTensors.array(m, t, "x_T") : samples.get(m, i - 1);
      long[] ts = new long[Math.toIntExact(x.getShape().get(0))];
      Arrays.fill(ts, timestep);
      NDArray e = eps.predict(x, m.create(ts));
      StepNoise noise = run.storedNoise(t).forStep(i, m);
      Closeness.assertAbs(run.file().getFileName() + " step " + i + " (t=" + timestep + ") teacher-forced",
          sampler.step(e, timestep, x, noise).prevSample(), samples.floats(i),
          DDIM_TEACHER_FORCED_ABS);
    }
  }

  private static void ddimFreeRunning(Run run, Function<Path, EpsModel> model) {
    SafeTensors t = run.tensors();
    try (NDManager m = NDManager.newBaseManager();
        RecordingSampler sampler = new RecordingSampler(run.sampler(t), setOf(GoldenTensors.ints(t, "timesteps")))) {
      NDArray x0 = new SamplingLoop(model.apply(run.unetFolder()), sampler)
          .run(GoldenTensors.array(m, t, "x_T"), run.storedNoise(t), StepCallback.NONE);
      GoldenTensors.Rows samples = GoldenTensors.rows(t, "samples");
      double worst = 0;
      int i = 0;
      for (float[] recorded : sampler.recorded().values()) {
        worst = Math.max(worst, Closeness.maxAbs(recorded, samples.floats(i++)));
      }
      assertEquals(run.steps(), i, "recorded steps");
      Closeness.assertWithin(run.file().getFileName() + " free-running, worst step", "abs", worst,
          DDIM_FREE_RUNNING_ABS);
      Closeness.assertAbs(run.file().getFileName() + " free-running final", x0, t.get("final").toFloats(),
          DDIM_FREE_RUNNING_ABS);
    }
  }

  // ---- DDPM ----

  private static List<DynamicNode> ddpm(Run run, Function<Path, EpsModel> model) {
    return List.of(timesteps(run), dynamicTest("loop with stored noise", () -> ddpmRun(run, model)));
  }

  private static void ddpmRun(Run run, Function<Path, EpsModel> model) {
    SafeTensors t = run.tensors();
    int[] checkpointTimesteps = GoldenTensors.ints(t, "checkpoint_timesteps");
    try (NDManager m = NDManager.newBaseManager();
        RecordingSampler sampler = new RecordingSampler(run.sampler(t), setOf(checkpointTimesteps))) {
      NDArray x0 = new SamplingLoop(model.apply(run.unetFolder()), sampler)
          .run(GoldenTensors.array(m, t, "x_T"), run.storedNoise(t), StepCallback.NONE);
      GoldenTensors.Rows checkpoints = GoldenTensors.rows(t, "checkpoints");
      for (int j = 0; j < checkpointTimesteps.length; j++) {
        float[] recorded = sampler.recorded().get(checkpointTimesteps[j]);
        assertNotNull(recorded, "no step at checkpoint timestep " + checkpointTimesteps[j]);
        Closeness.assertWithin(run.file().getFileName() + " checkpoint t=" + checkpointTimesteps[j], "abs",
            Closeness.maxAbs(recorded, checkpoints.floats(j)), DDPM_ABS);
      }
      Closeness.assertAbs(run.file().getFileName() + " final", x0, t.get("final").toFloats(), DDPM_ABS);
    }
  }

  // ---- shared ----

  private static DynamicTest timesteps(Run run) {
    return dynamicTest("timesteps", () -> {
      SafeTensors t = run.tensors();
      try (Sampler sampler = run.sampler(t)) {
        assertArrayEquals(GoldenTensors.ints(t, "timesteps"), sampler.timesteps(), run.file() + ": timesteps");
      }
    });
  }

  private static Set<Integer> setOf(int[] values) {
    return Arrays.stream(values).boxed().collect(Collectors.toSet());
  }
}
