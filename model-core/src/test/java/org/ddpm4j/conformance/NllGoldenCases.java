package org.ddpm4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ddpm4j.io.SafeTensors;
import org.ddpm4j.io.Tensor;
import org.ddpm4j.nll.BoundConfig;
import org.ddpm4j.nll.DiffusionTables;
import org.ddpm4j.nll.GaussianTerms;
import org.ddpm4j.nll.ModelVariance;
import org.ddpm4j.nll.TermValues;
import org.ddpm4j.nll.TimestepTerms;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The NLL golden cases of {@code <root>/nll} (openai/improved-diffusion's {@code calc_bpd_loop}), checked as that
 * folder's README describes, with its tolerances:
 *
 * <ul>
 *   <li>{@code losses_*.safetensors}: the discretized Gaussian log-likelihood against the float64 library values
 *       (2e-6 nats; a float64 re-statement matched within 1.3e-6) and against the float32 ones on the rows the README
 *       names as free of float32 cancellation (5e-5; observed 3.9e-5), and the Gaussian KL (1e-6 mixed).
 *   <li>{@code terms_<unet>.safetensors}: every intermediate at the stored timesteps from the stored x_t and model
 *       output (a replay of the model): x_t from the noise of {@code bpd_<unet>} (1e-6), the x_0 prediction (1e-4
 *       abs: the float32 reference cancels sqrt(1/alpha-bar) x_t - sqrt(1/alpha-bar - 1) eps at large t, observed
 *       5.2e-5), means and variances (2e-6 mixed), and each term against the float64 reference (KL 2e-6 mixed, t = 0 decoder 2e-6 abs)
 *       and against the float32 one (KL 2e-6 mixed, decoder 3e-4 abs, the float32 cancellation the README explains).
 *   <li>{@code bpd_<unet>.safetensors}: the float64 coefficient tables (1e-13 relative).
 * </ul>
 */
public final class NllGoldenCases {
  private static final String[] VARIANTS = {"fixed_large.clip1", "fixed_large.clip0", "fixed_small.clip1",
      "fixed_small.clip0"};
  private static final int[] FLOAT32_CLEAN_DGLL_ROWS = {0, 1, 2, 3, 5};

  private NllGoldenCases() {}

  /** Every NLL case under {@code root/nll}; a missing folder or an empty one is a failure. */
  public static List<DynamicNode> discover(Path root) {
    Path dir = root.resolve("nll");
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path f : list(dir)) {
      String name = f.getFileName().toString();
      if (!name.endsWith(".safetensors")) {
        continue;
      }
      String stem = name.substring(0, name.length() - ".safetensors".length());
      if (stem.startsWith("losses_")) {
        nodes.add(DynamicTest.dynamicTest("nll " + stem + " dgll", () -> checkDgll(f)));
        nodes.add(DynamicTest.dynamicTest("nll " + stem + " normal_kl", () -> checkNormalKl(f)));
      } else if (stem.startsWith("terms_")) {
        Path bpd = dir.resolve("bpd_" + stem.substring("terms_".length()) + ".safetensors");
        nodes.add(DynamicTest.dynamicTest("nll " + stem + " terms", () -> checkTerms(f, bpd)));
      } else if (stem.startsWith("bpd_")) {
        nodes.add(DynamicTest.dynamicTest("nll " + stem + " coefficient tables", () -> checkTables(f)));
      }
    }
    if (nodes.isEmpty()) {
      fail("no NLL golden case found under " + dir);
    }
    return nodes;
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list the NLL golden folder " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The betas of a bpd file, as the reference used them. */
  static DiffusionTables tables(SafeTensors bpd) {
    return DiffusionTables.fromBetas(bpd.get("coef.betas").toDoubles());
  }

  private static void checkTables(Path file) {
    SafeTensors st = SafeTensors.read(file);
    DiffusionTables tab = tables(st);
    int n = tab.numTimesteps();
    double[] flv = new double[n];
    for (int t = 0; t < n; t++) {
      flv[t] = ModelVariance.FIXED_LARGE.logVariance(tab, t);
    }
    compareTable(st, "alphas_cumprod", tab::alphaCumprod);
    compareTable(st, "alphas_cumprod_prev", tab::alphaCumprodPrev);
    compareTable(st, "sqrt_alphas_cumprod", tab::sqrtAlphaCumprod);
    compareTable(st, "sqrt_one_minus_alphas_cumprod", tab::sqrtOneMinusAlphaCumprod);
    compareTable(st, "log_one_minus_alphas_cumprod", tab::logOneMinusAlphaCumprod);
    compareTable(st, "sqrt_recip_alphas_cumprod", tab::sqrtRecipAlphaCumprod);
    compareTable(st, "sqrt_recipm1_alphas_cumprod", tab::sqrtRecipm1AlphaCumprod);
    compareTable(st, "posterior_variance", tab::posteriorVariance);
    compareTable(st, "posterior_log_variance_clipped", tab::posteriorLogVarianceClipped);
    compareTable(st, "posterior_mean_coef1", tab::posteriorMeanCoef1);
    compareTable(st, "posterior_mean_coef2", tab::posteriorMeanCoef2);
    compareTable(st, "fixed_large_log_variance", t -> flv[t]);
    compareTable(st, "posterior_log_variance_clipped",
        t -> ModelVariance.FIXED_SMALL.logVariance(tab, t));
  }

  private static void compareTable(SafeTensors st, String name, java.util.function.IntToDoubleFunction ours) {
    double[] ref = st.get("coef." + name).toDoubles();
    for (int t = 0; t < ref.length; t++) {
      double tol = 1e-13 * Math.max(Math.abs(ref[t]), 1e-300);
      assertEquals(ref[t], ours.applyAsDouble(t), tol, st.file() + ": coef." + name + "[" + t + "]");
    }
  }

  private static void checkDgll(Path file) {
    SafeTensors st = SafeTensors.read(file);
    float[] x = st.get("dgll.x").toFloats();
    float[] means = st.get("dgll.means").toFloats();
    float[] logScales = st.get("dgll.log_scales").toFloats();
    double[] ref64 = st.get("dgll.log_probs_f64").toDoubles();
    float[] ref32 = st.get("dgll.log_probs").toFloats();
    int cols = (int) st.get("dgll.x").shape()[1];
    double[] ours = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      ours[i] = GaussianTerms.discretizedGaussianLogLikelihood(x[i], means[i], logScales[i]);
    }
    assertClose(ref64, ours, 2e-6, false, file + ": dgll.log_probs_f64");
    for (int row : FLOAT32_CLEAN_DGLL_ROWS) {
      for (int c = 0; c < cols; c++) {
        int i = row * cols + c;
        assertEquals(ref32[i], ours[i], 5e-5, file + ": dgll.log_probs row " + row + " column " + c);
      }
    }
  }

  private static void checkNormalKl(Path file) {
    SafeTensors st = SafeTensors.read(file);
    float[] m1 = st.get("normal_kl.mean1").toFloats();
    float[] v1 = st.get("normal_kl.logvar1").toFloats();
    float[] m2 = st.get("normal_kl.mean2").toFloats();
    float[] v2 = st.get("normal_kl.logvar2").toFloats();
    double[] kl = new double[m1.length];
    double[] prior = new double[m1.length];
    for (int i = 0; i < m1.length; i++) {
      kl[i] = GaussianTerms.normalKl(m1[i], v1[i], m2[i], v2[i]);
      prior[i] = GaussianTerms.normalKl(m1[i], v1[i], 0.0, 0.0);
    }
    assertClose(st.get("normal_kl.kl_f64").toDoubles(), kl, 1e-6, true, file + ": normal_kl.kl_f64");
    assertClose(st.get("normal_kl.kl").toDoubles(), kl, 1e-6, true, file + ": normal_kl.kl");
    assertClose(st.get("normal_kl.prior_form_kl").toDoubles(), prior, 1e-6, true, file + ": normal_kl.prior_form_kl");
  }

  private static void checkTerms(Path file, Path bpdFile) {
    SafeTensors st = SafeTensors.read(file);
    SafeTensors bpd = SafeTensors.read(bpdFile);
    DiffusionTables tab = tables(bpd);
    Tensor noiseAll = bpd.get("noise");
    float[] x0 = st.get("x_start").toFloats();
    int batch = (int) st.get("x_start").shape()[0];
    int per = x0.length / batch;
    float[] allNoise = noiseAll.toFloats();
    for (long t64 : st.get("timesteps").toLongs()) {
      int t = (int) t64;
      String p = file + ": t" + t + ".";
      float[] noise = new float[x0.length];
      System.arraycopy(allNoise, t * x0.length, noise, 0, x0.length);
      float[] xt = st.get("t" + t + ".x_t").toFloats();
      float[] eps = st.get("t" + t + ".model_output").toFloats();
      TimestepTerms any = new TimestepTerms(tab, new BoundConfig(ModelVariance.FIXED_SMALL, true));
      assertClose(toDoubles(xt), toDoubles(any.qSample(x0, noise, t)), 1e-6, false, p + "x_t (q_sample)");
      assertClose(st.get("t" + t + ".true_mean").toDoubles(), any.posteriorMean(toDoubles(x0), xt, t), 2e-6, true,
          p + "true_mean");
      float trueLogVar = st.get("t" + t + ".true_log_variance").toFloats()[0];
      assertEquals(trueLogVar, tab.posteriorLogVarianceClipped(t), 1e-6 * Math.abs(trueLogVar), p + "true_log_variance");
      for (int clip = 0; clip <= 1; clip++) {
        TimestepTerms terms = new TimestepTerms(tab, new BoundConfig(ModelVariance.FIXED_SMALL, clip == 1));
        double[] pred = terms.predictXstart(xt, eps, t);
        assertClose(st.get("t" + t + ".clip" + clip + ".pred_xstart").toDoubles(), pred, 1e-4, false,
            p + "clip" + clip + ".pred_xstart");
        assertClose(st.get("t" + t + ".clip" + clip + ".model_mean").toDoubles(), terms.posteriorMean(pred, xt, t),
            2e-6, true, p + "clip" + clip + ".model_mean");
      }
      for (String variant : VARIANTS) {
        String[] parts = variant.split("\\.");
        ModelVariance mv = ModelVariance.parse(parts[0]);
        float refLogVar = st.get("t" + t + "." + parts[0] + ".model_log_variance").toFloats()[0];
        assertEquals(refLogVar, mv.logVariance(tab, t), 1e-6 * Math.abs(refLogVar), p + parts[0] + ".model_log_variance");
        TermValues v = new TimestepTerms(tab, new BoundConfig(mv, parts[1].equals("clip1")))
            .evaluate(x0, xt, eps, noise, t, batch);
        String key = "t" + t + "." + variant;
        assertClose(st.get(key + ".kl").toDoubles(), v.kl(), 2e-6, true, p + variant + ".kl");
        double[] out64 = st.get(key + ".output_f64").toDoubles();
        double[] out32 = st.get(key + ".output").toDoubles();
        if (t == 0) {
          assertClose(out64, v.vb(), 2e-6, false, p + variant + ".output_f64 (decoder)");
          assertClose(out32, v.vb(), 3e-4, false, p + variant + ".output (float32 decoder)");
          assertClose(st.get(key + ".decoder_nll").toDoubles(), v.decoderNll(), 3e-4, false,
              p + variant + ".decoder_nll");
        } else {
          assertClose(out64, v.vb(), 2e-6, true, p + variant + ".output_f64 (KL)");
          assertClose(out32, v.vb(), 2e-6, true, p + variant + ".output (KL)");
        }
      }
      assertTrue(per > 0);
    }
    TimestepTerms prior = new TimestepTerms(tab, new BoundConfig(ModelVariance.FIXED_LARGE, true));
    double[] priorBpd = prior.priorBpd(x0, batch);
    double[] ref = st.get("prior.prior_bpd").toDoubles();
    assertClose(ref, priorBpd, 1e-9, false, file + ": prior.prior_bpd");
    int last = tab.numTimesteps() - 1;
    double[] qtMean = new double[x0.length];
    for (int i = 0; i < x0.length; i++) {
      qtMean[i] = tab.sqrtAlphaCumprod(last) * x0[i];
    }
    assertClose(st.get("prior.qt_mean").toDoubles(), qtMean, 1e-6, true, file + ": prior.qt_mean");
    float qtLogVar = st.get("prior.qt_log_variance").toFloats()[0];
    assertEquals(qtLogVar, tab.logOneMinusAlphaCumprod(last), 1e-6 * Math.abs(qtLogVar),
        file + ": prior.qt_log_variance");
  }

  static double[] toDoubles(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  /** Fails naming the first element where |ours - ref| exceeds tol (times max(1, |ref|) when mixed). */
  static void assertClose(double[] ref, double[] ours, double tol, boolean mixed, String what) {
    assertEquals(ref.length, ours.length, what + ": length");
    double worst = 0;
    int at = -1;
    for (int i = 0; i < ref.length; i++) {
      double d = Math.abs(ours[i] - ref[i]) / (mixed ? Math.max(1.0, Math.abs(ref[i])) : 1.0);
      if (!(d <= worst)) {
        worst = d;
        at = i;
      }
    }
    if (worst > tol || Double.isNaN(worst)) {
      fail(what + ": element " + at + " differs by " + worst + (mixed ? " (mixed)" : "") + " > " + tol + " (ref "
          + ref[at] + ", ours " + ours[at] + ")");
    }
  }
}
