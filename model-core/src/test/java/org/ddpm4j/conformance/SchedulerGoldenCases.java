package org.ddpm4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ddpm4j.io.SafeTensors;
import org.ddpm4j.schedule.ForwardProcess;
import org.ddpm4j.schedule.NoiseSchedule;
import org.ddpm4j.schedule.SchedulerConfig;
import org.ddpm4j.sampler.DdimSampler;
import org.ddpm4j.sampler.DdpmSampler;
import org.ddpm4j.sampler.DpmSolverPlusPlusSampler;
import org.ddpm4j.sampler.Sampler;
import org.ddpm4j.sampler.StepNoise;
import org.ddpm4j.sampler.StepOutput;
import org.junit.jupiter.api.DynamicNode;

/**
 * The scheduler cases of a golden folder: {@code schedulers/<name>_cases.json} + {@code schedulers/<name>.safetensors}
 * for name in ddpm, ddim, dpmsolver, every case key the JSON lists (and the schedule, timestep and add_noise keys the
 * file holds) checked within the golden README's tolerances.
 */
public final class SchedulerGoldenCases {
  /**
   * Scheduler steps with float32 coefficients in diffusers' order (README: "~1e-6 mixed"); the same bound holds for
   * add_noise (observed 2.3e-7 with double coefficients).
   */
  static final double STEP_MIXED = 1e-6;
  /** DPM-Solver++ sequences: early rounding grows by alpha_final / alpha_first ~ 150 over the run (README). */
  static final double DPM_SEQUENCE_ABS = 1e-4;

  private static final List<String> FAMILIES = List.of("ddpm", "ddim", "dpmsolver");
  private static final Pattern SET_TIMESTEPS = Pattern.compile("(.+)\\.set_timesteps(\\d+)\\.timesteps");
  private static final Pattern DDIM_TIMESTEPS = Pattern.compile("timesteps\\.(.+)\\.n(\\d+)");

  private SchedulerGoldenCases() {}

  /**
   * The cases under {@code root/schedulers}; empty when there is none. A family with only one of its two files, or
   * whose files cannot be read, yields one failing test that names the problem.
   */
  public static List<DynamicNode> discover(Path root) {
    List<DynamicNode> nodes = new ArrayList<>();
    for (String family : FAMILIES) {
      Path json = root.resolve("schedulers").resolve(family + "_cases.json");
      Path tensors = root.resolve("schedulers").resolve(family + ".safetensors");
      if (!Files.exists(json) && !Files.exists(tensors)) {
        continue;
      }
      String name = "schedulers/" + family;
      List<DynamicNode> cases;
      try {
        JsonObject spec = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        SafeTensors file = SafeTensors.read(tensors);
        cases = switch (family) {
          case "ddpm" -> ddpm(spec, file, json);
          case "ddim" -> ddim(spec, file, json);
          default -> dpmSolver(spec, file, json);
        };
      } catch (IOException | RuntimeException e) {
        cases = List.of(dynamicTest("read " + name, () -> {
          throw new AssertionError(name + ": cannot read " + json + " / " + tensors + ": " + e, e);
        }));
      }
      nodes.add(dynamicContainer(name, cases));
    }
    return nodes;
  }

  // ---- DDPM: schedules, set_timesteps, add_noise, steps ----

  private static List<DynamicNode> ddpm(JsonObject spec, SafeTensors file, Path json) {
    JsonObject defaults = spec.getAsJsonObject("scheduler_configs_defaults");
    List<DynamicNode> tests = new ArrayList<>();
    for (String schedule : defaults.keySet()) {
      SchedulerConfig config = config(defaults.getAsJsonObject(schedule), new JsonObject(), json + " " + schedule);
      tests.add(dynamicTest(schedule + ".betas", () -> Closeness.assertBitwise(schedule + ".betas",
          NoiseSchedule.of(config).betas(), file.get(schedule + ".betas").toFloats())));
      tests.add(dynamicTest(schedule + ".alphas_cumprod", () -> Closeness.assertBitwise(schedule + ".alphas_cumprod",
          NoiseSchedule.of(config).alphasCumprod(), file.get(schedule + ".alphas_cumprod").toFloats())));
      if (spec.has("add_noise_timesteps")) {
        String key = "add_noise." + schedule + ".noisy_samples";
        tests.add(dynamicTest(key, () -> addNoise(file, config, key)));
      }
    }
    for (String key : file.tensors().keySet()) {
      Matcher m = SET_TIMESTEPS.matcher(key);
      if (m.matches()) {
        SchedulerConfig config = config(member(defaults, m.group(1), json), new JsonObject(), json + " " + key);
        int n = Integer.parseInt(m.group(2));
        tests.add(dynamicTest(key, () -> assertTimesteps(new DdpmSampler(config), n, file, key)));
      }
    }
    for (JsonElement c : spec.getAsJsonArray("cases")) {
      JsonObject cs = c.getAsJsonObject();
      String key = cs.get("key").getAsString();
      JsonObject overrides = new JsonObject();
      overrides.add("variance_type", cs.get("variance_type"));
      overrides.add("clip_sample", cs.get("clip_sample"));
      SchedulerConfig config = config(member(defaults, cs.get("beta_schedule").getAsString(), json), overrides,
          json + " case " + key);
      tests.add(dynamicTest(key, () -> ddpmStep(file, cs, config)));
    }
    return tests;
  }

  private static void addNoise(SafeTensors file, SchedulerConfig config, String key) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x0 = GoldenTensors.array(m, file, "add_noise.original_samples");
      NDArray noise = GoldenTensors.array(m, file, "add_noise.noise");
      long[] t = file.get("add_noise.timesteps").toLongs();
      NDArray noisy = new ForwardProcess(NoiseSchedule.of(config)).addNoise(x0, noise, t);
      Closeness.assertMixed(key, noisy, file.get(key).toFloats(), STEP_MIXED);
    }
  }

  private static void ddpmStep(SafeTensors file, JsonObject cs, SchedulerConfig config) {
    String key = cs.get("key").getAsString();
    String in = cs.get("inputs").getAsString();
    int t = cs.get("timestep").getAsInt();
    int n = cs.get("num_inference_steps").isJsonNull()
        ? config.numTrainTimesteps() // no set_timesteps call: prev_t = t - 1, as with T steps
        : cs.get("num_inference_steps").getAsInt();
    assertEquals(cs.get("prev_timestep").getAsInt(), t - config.numTrainTimesteps() / n, key + ": prev_timestep");
    boolean noiseUsed = cs.get("noise_used").getAsBoolean();
    try (NDManager m = NDManager.newBaseManager(); Sampler sampler = new DdpmSampler(config)) {
      sampler.setTimesteps(n);
      RecordedNoise noise = new RecordedNoise(noiseUsed ? GoldenTensors.array(m, file, in + ".noise") : null);
      StepOutput out = sampler.step(GoldenTensors.array(m, file, in + ".model_output"), t,
          GoldenTensors.array(m, file, in + ".sample"), noise);
      assertEquals(noiseUsed ? 1 : 0, noise.draws.get(), key + ": number of noise draws");
      checkStep(key, out, file);
    }
  }

  // ---- DDIM: timesteps per spacing, steps ----

  private static List<DynamicNode> ddim(JsonObject spec, SafeTensors file, Path json) {
    JsonObject defaults = spec.getAsJsonObject("scheduler_config_defaults");
    JsonObject variants = spec.getAsJsonObject("timestep_variants");
    List<DynamicNode> tests = new ArrayList<>();
    for (String key : file.tensors().keySet()) {
      Matcher m = DDIM_TIMESTEPS.matcher(key);
      if (m.matches()) {
        SchedulerConfig config = config(defaults, member(variants, m.group(1), json), json + " " + key);
        int n = Integer.parseInt(m.group(2));
        tests.add(dynamicTest(key, () -> assertTimesteps(new DdimSampler(config, 0), n, file, key)));
      }
    }
    for (JsonElement c : spec.getAsJsonArray("cases")) {
      JsonObject cs = c.getAsJsonObject();
      String key = cs.get("key").getAsString();
      JsonObject overrides = new JsonObject();
      overrides.add("clip_sample", cs.get("clip_sample"));
      overrides.add("set_alpha_to_one", cs.get("set_alpha_to_one"));
      SchedulerConfig config = config(defaults, overrides, json + " case " + key);
      tests.add(dynamicTest(key, () -> ddimStep(file, cs, config)));
    }
    return tests;
  }

  private static void ddimStep(SafeTensors file, JsonObject cs, SchedulerConfig config) {
    String key = cs.get("key").getAsString();
    assertFalse(cs.get("use_clipped_model_output").getAsBoolean(), key + ": use_clipped_model_output is unsupported");
    String in = cs.get("inputs").getAsString();
    int t = cs.get("timestep").getAsInt();
    int n = cs.get("num_inference_steps").getAsInt();
    double eta = cs.get("eta").getAsDouble();
    assertEquals(cs.get("prev_timestep").getAsInt(), t - config.numTrainTimesteps() / n, key + ": prev_timestep");
    try (NDManager m = NDManager.newBaseManager(); Sampler sampler = new DdimSampler(config, eta)) {
      sampler.setTimesteps(n);
      RecordedNoise noise = new RecordedNoise(GoldenTensors.array(m, file, in + ".variance_noise"));
      StepOutput out = sampler.step(GoldenTensors.array(m, file, in + ".model_output"), t,
          GoldenTensors.array(m, file, in + ".sample"), noise);
      assertEquals(eta > 0 ? 1 : 0, noise.draws.get(), key + ": number of noise draws");
      checkStep(key, out, file);
    }
  }

  // ---- DPM-Solver++: timesteps and whole runs ----

  private static List<DynamicNode> dpmSolver(JsonObject spec, SafeTensors file, Path json) {
    SchedulerConfig config = config(spec.getAsJsonObject("scheduler_config"), new JsonObject(), json.toString());
    List<DynamicNode> tests = new ArrayList<>();
    for (JsonElement r : spec.getAsJsonArray("runs")) {
      JsonObject run = r.getAsJsonObject();
      int n = run.get("num_inference_steps").getAsInt();
      String prefix = "n" + n;
      int[] listed = new int[run.getAsJsonArray("timesteps").size()];
      for (int i = 0; i < listed.length; i++) {
        listed[i] = run.getAsJsonArray("timesteps").get(i).getAsInt();
      }
      tests.add(dynamicTest(prefix + ".timesteps", () -> {
        assertArrayEquals(listed, GoldenTensors.ints(file, prefix + ".timesteps"), "JSON and tensor disagree");
        assertTimesteps(new DpmSolverPlusPlusSampler(config), n, file, prefix + ".timesteps");
      }));
      tests.add(dynamicTest(prefix + ".samples", () -> dpmRun(file, config, n, prefix)));
    }
    return tests;
  }

  private static void dpmRun(SafeTensors file, SchedulerConfig config, int n, String prefix) {
    try (NDManager m = NDManager.newBaseManager(); Sampler sampler = new DpmSolverPlusPlusSampler(config)) {
      sampler.setTimesteps(n);
      int[] timesteps = sampler.timesteps();
      NDArray x = GoldenTensors.array(m, file, prefix + ".x_T");
      GoldenTensors.Rows modelOutputs = GoldenTensors.rows(file, prefix + ".model_outputs");
      GoldenTensors.Rows samples = GoldenTensors.rows(file, prefix + ".samples");
      double worst = 0;
      for (int i = 0; i < timesteps.length; i++) {
        NDArray eps = modelOutputs.get(m, i);
        x = sampler.step(eps, timesteps[i], x).prevSample();
        worst = Math.max(worst, Closeness.maxAbs(x.toFloatArray(), samples.floats(i)));
      }
      Closeness.assertWithin(prefix + ".samples (worst of " + timesteps.length + " free-running steps)", "abs",
          worst, DPM_SEQUENCE_ABS);
    }
  }

  // ---- shared ----

  private static void checkStep(String key, StepOutput out, SafeTensors file) {
    Closeness.assertMixed(key + ".prev_sample", out.prevSample(), file.get(key + ".prev_sample").toFloats(),
        STEP_MIXED);
    Closeness.assertMixed(key + ".pred_original_sample", out.predOriginalSample(),
        file.get(key + ".pred_original_sample").toFloats(), STEP_MIXED);
  }

  private static void assertTimesteps(Sampler sampler, int n, SafeTensors file, String key) {
    try (sampler) {
      sampler.setTimesteps(n);
      assertArrayEquals(GoldenTensors.ints(file, key), sampler.timesteps(), key);
    }
  }

  /** The diffusers config of a case: the family's defaults with the case's overrides. */
  private static SchedulerConfig config(JsonObject defaults, JsonObject overrides, String source) {
    JsonObject merged = defaults.deepCopy();
    for (Map.Entry<String, JsonElement> e : overrides.entrySet()) {
      merged.add(e.getKey(), e.getValue());
    }
    return SchedulerConfig.fromJson(merged, source);
  }

  private static JsonObject member(JsonObject object, String name, Path json) {
    if (!object.has(name)) {
      throw new IllegalArgumentException(json + ": no entry '" + name + "' among " + object.keySet());
    }
    return object.getAsJsonObject(name);
  }

  /** Step noise from a golden tensor, counting how often the sampler asks for it. */
  private static final class RecordedNoise implements StepNoise {
    private final NDArray noise;
    private final AtomicInteger draws = new AtomicInteger();

    RecordedNoise(NDArray noise) {
      this.noise = noise;
    }

    @Override
    public NDArray draw(Shape shape) {
      draws.incrementAndGet();
      if (noise == null) {
        throw new AssertionError("the sampler drew noise where diffusers drew none");
      }
      assertEquals(noise.getShape(), shape, "noise shape");
      return noise.duplicate();
    }
  }
}
