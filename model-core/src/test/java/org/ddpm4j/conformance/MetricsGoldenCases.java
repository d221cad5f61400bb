package org.ddpm4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ddpm4j.eval.FeatGen;
import org.ddpm4j.eval.FeatureMatrix;
import org.ddpm4j.eval.FeatureStatistics;
import org.ddpm4j.eval.FrechetDistance;
import org.ddpm4j.eval.ImageBatch;
import org.ddpm4j.eval.InceptionScore;
import org.ddpm4j.eval.KernelInceptionDistance;
import org.ddpm4j.eval.MeanCovariance;
import org.ddpm4j.eval.PngImages;
import org.ddpm4j.eval.TorchScriptInception;
import org.ddpm4j.io.NpyType;
import org.ddpm4j.io.Npz;
import org.ddpm4j.io.SafeTensors;
import org.ddpm4j.io.Tensor;
import org.junit.jupiter.api.DynamicNode;

/**
 * The metric cases of a golden folder ({@code <root>/metrics/}, see its README): featgen feature sets, pytorch-fid
 * statistics and Frechet distances (near-singular and offset cases included), the {@code .npz} statistics files,
 * KID and IS replayed with the recorded subsets and permutations, and PNG -> uint8 -> features through DJL's
 * TorchScript loading. Every case listed in {@code expected.json} / the safetensors files becomes a test.
 */
public final class MetricsGoldenCases {
  /**
   * FID: relative tolerance for d <= 128. Observed: 2e-15 (c), 5e-15 (b64 with the offset); 3.8e-9 for b64 without
   * it, where sigma1 sigma2 has a null space and both routes add square roots of rounding-level eigenvalues.
   */
  private static final double FID_SMALL_REL = 1e-8;
  /** FID: relative tolerance for larger d (README: ~1e-6 for 2048-d). */
  private static final double FID_LARGE_REL = 1e-6;
  /** Dimensions up to this are "small" and have their statistics stored in full. */
  private static final int SMALL_DIM = 128;
  /** Statistics, KID and IS against a float64 reference: relative tolerance (README: ~1e-12). */
  private static final double DOUBLE_REL = 1e-12;
  /** Extractor features, absolute (README: ~1e-5). */
  private static final double FEATURE_ABS = 1e-5;
  /** Extractor probabilities, absolute (README: 3e-7 observed). */
  private static final double PROBABILITY_ABS = 1e-6;
  /** KID subsets replayed for large-dimension calls with many subsets (each costs ~4 GFLOP at d = 2048). */
  private static final int LARGE_KID_SUBSETS = 3;
  /** Recorded KID calls of kid.safetensors and the expected.json entries with the libraries' results. */
  private static final Map<String, String> KID_CALLS = Map.of(
      "cleanfid", "clean_fid.kernel_distance(defaults)",
      "cleanfid_one", "clean_fid.kernel_distance(num_subsets=1, max_subset_size=max(n1,n2))",
      "cleanfid_small", "clean_fid.kernel_distance(num_subsets=10, max_subset_size=100)",
      "tfid", "torch_fidelity.kid_features_to_metric",
      "tfid_small", "torch_fidelity.kid_features_to_metric(kid_subsets=10, kid_subset_size=100)");

  private final Path dir;
  private final JsonObject expected;
  private final Map<String, Object> cache = new HashMap<>();

  private MetricsGoldenCases(Path dir) throws IOException {
    this.dir = dir;
    this.expected = JsonParser.parseString(Files.readString(dir.resolve("expected.json"))).getAsJsonObject();
  }

  /** All metric cases under {@code root/metrics/}; none when that folder does not exist. */
  public static List<DynamicNode> discover(Path root) {
    Path dir = root.resolve("metrics");
    if (!Files.isRegularFile(dir.resolve("expected.json"))) {
      return List.of();
    }
    MetricsGoldenCases c;
    try {
      c = new MetricsGoldenCases(dir);
    } catch (IOException e) {
      throw new IllegalStateException(dir + ": cannot read expected.json", e);
    }
    List<DynamicNode> nodes = new ArrayList<>();
    nodes.add(dynamicContainer("metrics featgen", c.featgenCases()));
    nodes.add(dynamicContainer("metrics FID statistics", c.statisticsCases()));
    nodes.add(dynamicContainer("metrics FID", c.fidCases()));
    nodes.add(dynamicContainer("metrics npz statistics", c.npzCases()));
    nodes.add(dynamicContainer("metrics KID", c.kidCases()));
    nodes.add(dynamicContainer("metrics IS", c.isCases()));
    nodes.add(dynamicContainer("metrics feature extractor", c.extractorCases()));
    return nodes;
  }

  // ---------------------------------------------------------------- inputs

  /** A cached value; unlike {@code computeIfAbsent}, {@code compute} may itself use the cache. */
  @SuppressWarnings("unchecked")
  private <T> T cached(String key, java.util.function.Supplier<T> compute) {
    Object v = cache.get(key);
    if (v == null) {
      v = compute.get();
      cache.put(key, v);
    }
    return (T) v;
  }

  private SafeTensors tensors(String name) {
    return cached(name, () -> SafeTensors.read(dir.resolve(name + ".safetensors")));
  }

  private JsonObject featgenCase(String caseName) {
    return expected.getAsJsonObject("featgen").getAsJsonObject("cases").getAsJsonObject(caseName);
  }

  private int dim(String caseName) {
    return featgenCase(caseName).get("d").getAsInt();
  }

  /** Feature set {@code k} (1 or 2) of a case, generated by featgen v1 from expected.json's parameters. */
  private FeatureMatrix features(String caseName, int k) {
    return cached("feats:" + caseName + k, () -> {
      JsonObject set = featgenCase(caseName).getAsJsonArray("sets").get(k - 1).getAsJsonObject();
      JsonObject p = expected.getAsJsonObject("featgen").getAsJsonObject("params")
          .getAsJsonObject(set.get("params").getAsString());
      int[] a = new int[6];
      for (int i = 0; i < 6; i++) {
        a[i] = p.getAsJsonArray("A").get(i).getAsInt();
      }
      int deadFrom = 0;
      int deadTo = 0;
      if (set.has("dead")) {
        deadFrom = set.getAsJsonArray("dead").get(0).getAsInt();
        deadTo = set.getAsJsonArray("dead").get(1).getAsInt();
      }
      return FeatGen.features(set.get("seed").getAsLong(), set.get("n").getAsInt(), dim(caseName),
          new FeatGen.Params(p.get("K").getAsInt(), p.get("rho").getAsDouble(), a), deadFrom, deadTo);
    });
  }

  /** Our streaming statistics of a feature set. */
  private FeatureStatistics statistics(String caseName, int k) {
    return cached("stats:" + caseName + k, () -> new FeatureStatistics(dim(caseName)).add(features(caseName, k)));
  }

  /** The statistics FID uses: pytorch-fid's stored ones where complete, else ours (checked against the stored parts). */
  private MeanCovariance fidInput(String caseName, int k) {
    SafeTensors fid = tensors("fid");
    String sigma = caseName + ".sigma" + k;
    if (fid.contains(sigma)) {
      return new MeanCovariance(fid.get(caseName + ".mu" + k).toDoubles(), fid.get(sigma).toDoubles());
    }
    return statistics(caseName, k).toMeanCovariance();
  }

  private Set<String> fidCaseNames() {
    return expected.getAsJsonObject("fid").keySet();
  }

  // ---------------------------------------------------------------- featgen and statistics

  private List<DynamicNode> featgenCases() {
    List<DynamicNode> tests = new ArrayList<>();
    for (String caseName : expected.getAsJsonObject("featgen").getAsJsonObject("cases").keySet()) {
      for (int k = 1; k <= 2; k++) {
        int set = k;
        tests.add(dynamicTest(caseName + " set " + k, () -> {
          FeatureMatrix f = features(caseName, set);
          String sha = featgenCase(caseName).getAsJsonArray("sets").get(set - 1).getAsJsonObject()
              .get("sha256_float32_le").getAsString();
          assertEquals(sha, FeatGen.sha256(f), "SHA-256 of the generated float32 features");
          SafeTensors fid = tensors("fid");
          String key = caseName + ".feats" + set;
          if (fid.contains(key)) {
            assertArrayEquals(fid.get(key).toFloats(), f.values(), 0f, key);
          } else {
            int d = f.dim();
            float[] head = java.util.Arrays.copyOf(f.values(), 4 * d);
            float[] last = java.util.Arrays.copyOfRange(f.values(), (f.rows() - 1) * d, f.rows() * d);
            assertArrayEquals(fid.get(key + "_head").toFloats(), head, 0f, key + "_head");
            assertArrayEquals(fid.get(key + "_last").toFloats(), last, 0f, key + "_last");
            double[] colsum = new double[d];
            for (int i = 0; i < f.rows(); i++) {
              for (int j = 0; j < d; j++) {
                colsum[j] += f.get(i, j);
              }
            }
            assertClose(fid.get(key + "_colsum_f64").toDoubles(), colsum, DOUBLE_REL, key + "_colsum_f64");
          }
        }));
      }
    }
    return tests;
  }

  private List<DynamicNode> statisticsCases() {
    List<DynamicNode> tests = new ArrayList<>();
    for (String caseName : fidCaseNames()) {
      for (int k = 1; k <= 2; k++) {
        int set = k;
        tests.add(dynamicTest(caseName + " set " + k + ": one pass and merged partial statistics", () -> {
          SafeTensors fid = tensors("fid");
          FeatureStatistics one = statistics(caseName, set);
          FeatureMatrix f = features(caseName, set);
          FeatureStatistics merged = mergedInThreeParts(f);
          int d = f.dim();
          for (FeatureStatistics s : new FeatureStatistics[] {one, merged}) {
            String which = s == one ? "one pass" : "merged";
            assertClose(fid.get(caseName + ".mu" + set).toDoubles(), s.mu(), DOUBLE_REL, which + " mu");
            double[] sigma = s.sigma();
            String full = caseName + ".sigma" + set;
            if (fid.contains(full)) {
              assertClose(fid.get(full).toDoubles(), sigma, DOUBLE_REL, which + " sigma");
            } else {
              double[] diag = new double[d];
              for (int i = 0; i < d; i++) {
                diag[i] = sigma[i * d + i];
              }
              assertClose(fid.get(full + "_diag").toDoubles(), diag, DOUBLE_REL, which + " sigma diagonal");
              assertClose(fid.get(full + "_rows0to3").toDoubles(), java.util.Arrays.copyOf(sigma, 4 * d),
                  DOUBLE_REL, which + " sigma rows 0-3");
            }
          }
        }));
      }
    }
    return tests;
  }

  /** Statistics of three uneven parts of the rows, merged. */
  private static FeatureStatistics mergedInThreeParts(FeatureMatrix f) {
    int d = f.dim();
    int[] cuts = {0, f.rows() / 7, f.rows() / 2 + 3, f.rows()};
    FeatureStatistics total = new FeatureStatistics(d);
    for (int p = 0; p < 3; p++) {
      float[] part = java.util.Arrays.copyOfRange(f.values(), cuts[p] * d, cuts[p + 1] * d);
      total.merge(new FeatureStatistics(d).add(part, cuts[p + 1] - cuts[p]));
    }
    return total;
  }

  // ---------------------------------------------------------------- FID

  private List<DynamicNode> fidCases() {
    List<DynamicNode> tests = new ArrayList<>();
    for (String caseName : fidCaseNames()) {
      JsonObject c = expected.getAsJsonObject("fid").getAsJsonObject(caseName);
      double rel = dim(caseName) <= SMALL_DIM ? FID_SMALL_REL : FID_LARGE_REL;
      tests.add(dynamicTest(caseName + ": pytorch-fid (offset as pytorch-fid decides)", () -> {
        JsonObject ref = c.getAsJsonObject("pytorch_fid.calculate_frechet_distance");
        FrechetDistance.Result r = fid(caseName, FrechetDistance.Offset.PYTORCH_FID);
        assertEquals(ref.get("eps_path_taken").getAsBoolean(), r.offsetApplied(), "offset path taken");
        assertRelative(ref.get("value").getAsDouble(), r.value(), rel, "FID");
        JsonObject parts = c.getAsJsonObject("components");
        assertRelative(parts.get("diff_dot_diff").getAsDouble(), r.meanTerm(), DOUBLE_REL, "|mu1 - mu2|^2");
        assertRelative(parts.get("trace_sigma1").getAsDouble(), r.trace1(), DOUBLE_REL, "tr sigma1");
        assertRelative(parts.get("trace_sigma2").getAsDouble(), r.trace2(), DOUBLE_REL, "tr sigma2");
      }));
      tests.add(dynamicTest(caseName + ": eigenvalue route without offset (torch-fidelity)", () -> {
        FrechetDistance.Result r = fid(caseName, FrechetDistance.Offset.NEVER);
        assertRelative(c.get("torch_fidelity.fid_statistics_to_metric(pytorch-fid mu/sigma)").getAsDouble(),
            r.value(), rel, "FID without offset");
      }));
      if (c.has("pytorch_fid.eps_path_forced")) {
        tests.add(dynamicTest(caseName + ": pytorch-fid offset path forced", () -> {
          FrechetDistance.Result r = fid(caseName, FrechetDistance.Offset.ALWAYS);
          assertTrue(r.offsetApplied());
          assertRelative(c.getAsJsonObject("pytorch_fid.eps_path_forced").get("value").getAsDouble(), r.value(), rel,
              "FID with offset");
        }));
      }
    }
    return tests;
  }

  /** FID of a case; the NEVER result is shared with PYTORCH_FID when that applies no offset. */
  private FrechetDistance.Result fid(String caseName, FrechetDistance.Offset offset) {
    if (offset == FrechetDistance.Offset.NEVER) {
      FrechetDistance.Result pytorch = fid(caseName, FrechetDistance.Offset.PYTORCH_FID);
      if (!pytorch.offsetApplied()) {
        return pytorch;
      }
    }
    return cached("fid:" + caseName + offset, () -> {
      FrechetDistance.Settings s = new FrechetDistance.Settings(offset, 1e-6,
          Runtime.getRuntime().availableProcessors());
      return FrechetDistance.compute(fidInput(caseName, 1), fidInput(caseName, 2), s);
    });
  }

  // ---------------------------------------------------------------- npz

  private List<DynamicNode> npzCases() {
    List<DynamicNode> tests = new ArrayList<>();
    JsonObject all = expected.getAsJsonObject("fid_stats_npz");
    for (String caseName : all.keySet()) {
      JsonObject c = all.getAsJsonObject(caseName);
      tests.add(dynamicTest(caseName + ": pytorch-fid .npz files read, FID, round trip", () -> {
        SafeTensors fid = tensors("fid");
        JsonObject sha = c.getAsJsonObject("array_sha256");
        MeanCovariance[] stats = new MeanCovariance[2];
        for (int k = 1; k <= 2; k++) {
          Path file = dir.resolve(c.getAsJsonArray("files").get(k - 1).getAsString());
          MeanCovariance m = MeanCovariance.read(file);
          assertEquals(sha.get("mu" + k).getAsString(), sha256(m.mu()), file + " mu");
          assertEquals(sha.get("sigma" + k).getAsString(), sha256(m.sigma()), file + " sigma");
          assertArrayEquals(fid.get(caseName + ".mu" + k).toDoubles(), m.mu(), 0.0, file + " mu");
          assertArrayEquals(fid.get(caseName + ".sigma" + k).toDoubles(), m.sigma(), 0.0, file + " sigma");
          Path copy = Files.createTempDirectory("npz-round-trip").resolve("stats.npz");
          m.write(copy);
          Npz written = Npz.read(copy);
          assertEquals(List.of(MeanCovariance.MU, MeanCovariance.SIGMA), List.copyOf(written.arrays().keySet()));
          assertEquals(NpyType.FLOAT64, written.get(MeanCovariance.SIGMA).type());
          MeanCovariance back = MeanCovariance.read(copy);
          assertArrayEquals(m.mu(), back.mu(), 0.0, "round trip mu");
          assertArrayEquals(m.sigma(), back.sigma(), 0.0, "round trip sigma");
          stats[k - 1] = back;
        }
        FrechetDistance.Result r = FrechetDistance.compute(stats[0], stats[1], FrechetDistance.Settings.defaults());
        assertRelative(c.get("fid_from_npz").getAsDouble(), r.value(), FID_SMALL_REL, "FID from the .npz files");
      }));
    }
    return tests;
  }

  // ---------------------------------------------------------------- KID

  /** A recorded KID call: which arrays hold the subsets of set 1 and set 2 and the per-subset values. */
  private record KidCall(String caseName, String call, String idx1, String idx2, String values) {}

  private List<DynamicNode> kidCases() {
    List<DynamicNode> tests = new ArrayList<>();
    SafeTensors kid = tensors("kid");
    Set<String> calls = new LinkedHashSet<>();
    for (String key : kid.tensors().keySet()) {
      int first = key.indexOf('.');
      int second = key.indexOf('.', first + 1);
      calls.add(key.substring(0, second));
    }
    for (String prefix : calls) {
      String caseName = prefix.substring(0, prefix.indexOf('.'));
      String call = prefix.substring(prefix.indexOf('.') + 1);
      KidCall k = call.startsWith("cleanfid")
          ? new KidCall(caseName, call, prefix + ".idx_y_feats1", prefix + ".idx_x_feats2", prefix + ".subset_values")
          : new KidCall(caseName, call, prefix + ".idx_features1", prefix + ".idx_features2", prefix + ".subset_mmds");
      // single-subset calls store no per-subset values: their mean is the one value
      tests.add(dynamicTest(prefix + ": recorded subsets replayed", () -> replayKid(k)));
    }
    return tests;
  }

  private void replayKid(KidCall k) {
    SafeTensors kid = tensors("kid");
    int[][] idx1 = rows(kid.get(k.idx1()));
    int[][] idx2 = rows(kid.get(k.idx2()));
    boolean all = dim(k.caseName()) <= SMALL_DIM || idx1.length <= LARGE_KID_SUBSETS;
    int count = all ? idx1.length : LARGE_KID_SUBSETS;
    KernelInceptionDistance.Result r = KernelInceptionDistance.compute(features(k.caseName(), 1),
        features(k.caseName(), 2), java.util.Arrays.copyOf(idx1, count), java.util.Arrays.copyOf(idx2, count),
        Runtime.getRuntime().availableProcessors());
    if (kid.contains(k.values())) {
      double[] stored = kid.get(k.values()).toDoubles();
      assertClose(java.util.Arrays.copyOf(stored, count), r.subsetValues(), DOUBLE_REL, "per-subset MMD^2");
    }
    if (!all) {
      return;
    }
    JsonObject c = expected.getAsJsonObject("kid").getAsJsonObject(k.caseName());
    double[] meanStd = expectedKid(c, k.call());
    assertRelative(meanStd[0], r.mean(), DOUBLE_REL, "KID mean");
    if (!Double.isNaN(meanStd[1])) {
      assertEquals(meanStd[1], r.std(), DOUBLE_REL * r.mean(), "KID std");
    }
  }

  /** The library's reported mean (and std, NaN when it reports none) for a recorded call. */
  private static double[] expectedKid(JsonObject c, String call) {
    String name = KID_CALLS.get(call);
    if (name == null || !c.has(name)) {
      throw new AssertionError("no expected value for KID call " + call + " (known calls: " + KID_CALLS.keySet() + ")");
    }
    JsonObject v = c.getAsJsonObject(name);
    if (call.startsWith("cleanfid")) {
      return new double[] {v.get("value_float64_features").getAsDouble(), Double.NaN};
    }
    JsonObject stats = v.has("float64_features") ? v.getAsJsonObject("float64_features") : v;
    return new double[] {stats.get("kernel_inception_distance_mean").getAsDouble(),
        stats.get("kernel_inception_distance_std").getAsDouble()};
  }

  private static int[][] rows(Tensor t) {
    long[] v = t.toLongs();
    int r = (int) t.shape()[0];
    int c = (int) t.shape()[1];
    int[][] out = new int[r][c];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        out[i][j] = (int) v[i * c + j];
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- IS

  private List<DynamicNode> isCases() {
    List<DynamicNode> tests = new ArrayList<>();
    JsonObject all = expected.getAsJsonObject("is");
    for (String name : all.keySet()) {
      for (boolean shuffle : new boolean[] {true, false}) {
        String variant = "shuffle_" + shuffle;
        tests.add(dynamicTest(name + " " + variant, () -> {
          JsonObject ref = all.getAsJsonObject(name).getAsJsonObject(variant);
          FeatureMatrix logits = logits(name, all.getAsJsonObject(name).getAsJsonObject("loggen"));
          SafeTensors is = tensors("is");
          int n = logits.rows();
          int[] order = new int[n];
          if (shuffle) {
            long[] perm = is.get(name + ".perm").toLongs();
            for (int i = 0; i < n; i++) {
              order[i] = (int) perm[i];
            }
          } else {
            for (int i = 0; i < n; i++) {
              order[i] = i;
            }
          }
          int splits = ref.getAsJsonArray("split_bounds").size();
          InceptionScore.Result r = InceptionScore.compute(logits, InceptionScore.Input.LOGITS, splits, order);
          assertClose(is.get(name + ".split_scores." + variant).toDoubles(), r.splitScores(), DOUBLE_REL,
              "split scores");
          assertRelative(ref.get("inception_score_mean").getAsDouble(), r.mean(), DOUBLE_REL, "IS mean");
          assertRelative(ref.get("inception_score_std").getAsDouble(), r.std(), DOUBLE_REL, "IS std");
        }));
      }
    }
    return tests;
  }

  /** The stored logits, or loggen's (checked against the stored SHA-256 and head rows). */
  private FeatureMatrix logits(String name, JsonObject gen) {
    return cached("logits:" + name, () -> {
      SafeTensors is = tensors("is");
      int c = gen.get("C").getAsInt();
      if (is.contains(name + ".logits")) {
        Tensor t = is.get(name + ".logits");
        return new FeatureMatrix((int) t.shape()[0], c, t.toFloats());
      }
      FeatureMatrix m = FeatGen.logits(gen.get("seed").getAsLong(), gen.get("n").getAsInt(), c,
          gen.get("b").getAsDouble(), gen.get("nclass").getAsInt(), gen.get("spacing").getAsInt());
      assertEquals(gen.get("sha256_float32_le").getAsString(), FeatGen.sha256(m), name + " loggen SHA-256");
      assertArrayEquals(is.get(name + ".logits_head").toFloats(), java.util.Arrays.copyOf(m.values(), 4 * c), 0f,
          name + " logits head");
      return m;
    });
  }

  // ---------------------------------------------------------------- feature extractor

  private List<DynamicNode> extractorCases() {
    List<DynamicNode> tests = new ArrayList<>();
    JsonObject x;
    try {
      x = JsonParser.parseString(Files.readString(dir.resolve("feature_extractor.json"))).getAsJsonObject()
          .getAsJsonObject("tiny_feature_extractor");
    } catch (IOException e) {
      throw new IllegalStateException(dir + ": cannot read feature_extractor.json", e);
    }
    Path model = dir.resolve(x.get("file").getAsString());
    for (String group : x.getAsJsonObject("groups").keySet()) {
      JsonObject g = x.getAsJsonObject("groups").getAsJsonObject(group);
      tests.add(dynamicTest(group + ": PNG -> uint8 -> TorchScript features and probabilities", () -> {
        List<Path> files = new ArrayList<>();
        g.getAsJsonArray("files").forEach(f -> files.add(dir.resolve(f.getAsString())));
        SafeTensors fx = tensors("feature_extractor");
        ImageBatch images = PngImages.readRgb(files);
        Tensor stored = fx.get(group + ".images");
        assertArrayEquals(stored.shape(), new long[] {images.count(), 3, images.height(), images.width()},
            "decoded shape");
        byte[] bytes = new byte[(int) stored.size()];
        stored.data().duplicate().get(bytes);
        assertArrayEquals(bytes, images.pixels(), "decoded pixels");
        for (boolean noBias : new boolean[] {false, true}) {
          try (TorchScriptInception net = TorchScriptInception.load(
              new TorchScriptInception.Config(model, 0, 0, noBias))) {
            assertTrue(net.id().endsWith(manifestSha(model.getFileName().toString())), "id names the SHA-256");
            assertArrayEquals(fx.get(group + ".features").toFloats(), net.features(images).values(),
                (float) FEATURE_ABS, "features");
            String probs = group + (noBias ? ".probs_no_output_bias" : ".probs");
            assertArrayEquals(fx.get(probs).toFloats(), net.probabilities(images).values(), (float) PROBABILITY_ABS,
                probs);
          }
        }
      }));
    }
    return tests;
  }

  private String manifestSha(String file) throws IOException {
    JsonObject manifest = JsonParser.parseString(Files.readString(dir.resolve("manifest.json"))).getAsJsonObject();
    for (JsonElement e : manifest.getAsJsonArray("files")) {
      if (e.getAsJsonObject().get("path").getAsString().equals(file)) {
        return e.getAsJsonObject().get("sha256").getAsString();
      }
    }
    throw new AssertionError("manifest.json lists no " + file);
  }

  // ---------------------------------------------------------------- assertions

  private static void assertRelative(double expected, double actual, double rel, String what) {
    assertEquals(expected, actual, rel * Math.abs(expected), what);
  }

  /** Element-wise, relative to the largest magnitude of the expected array. */
  private static void assertClose(double[] expected, double[] actual, double rel, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    double scale = 0;
    for (double v : expected) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], rel * scale, what + " at " + i);
    }
  }

  private static String sha256(double[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(v);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
