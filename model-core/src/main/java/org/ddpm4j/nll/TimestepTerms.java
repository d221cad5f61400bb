package org.ddpm4j.nll;

/**
 * The arithmetic of the bound at one timestep, for a batch held as flat row-major arrays ([B, C, H, W]).
 *
 * <p>x_t is formed in float32 with float32-rounded coefficients, exactly as improved-diffusion's {@code q_sample}
 * (which gathers float64 table entries, casts them to float32 and multiplies float32 tensors), so the model sees the
 * same input. The terms are then computed in double precision from the float32 x_0, x_t and model output with
 * double coefficients: in float32 the decoder's Phi(plus) - Phi(min) cancels for bins several sigma from the mean,
 * which costs up to 0.02 bits/dim.
 */
public final class TimestepTerms {
  private static final double LN2 = Math.log(2.0);

  private final DiffusionTables tables;
  private final BoundConfig config;

  /** Terms over the given tables with the given variance and clipping. */
  public TimestepTerms(DiffusionTables tables, BoundConfig config) {
    this.tables = tables;
    this.config = config;
  }

  /** The tables. */
  public DiffusionTables tables() {
    return tables;
  }

  /** The bound settings. */
  public BoundConfig config() {
    return config;
  }

  /** x_t = sqrt(alpha-bar_t) x_0 + sqrt(1 - alpha-bar_t) noise, in float32 as improved-diffusion forms it. */
  public float[] qSample(float[] x0, float[] noise, int t) {
    float a = (float) tables.sqrtAlphaCumprod(t);
    float b = (float) tables.sqrtOneMinusAlphaCumprod(t);
    float[] out = new float[x0.length];
    for (int i = 0; i < out.length; i++) {
      float u = a * x0[i];
      float v = b * noise[i];
      out[i] = u + v;
    }
    return out;
  }

  /** The predicted x_0 = sqrt(1/alpha-bar_t) x_t - sqrt(1/alpha-bar_t - 1) eps, clamped to [-1, 1] if configured. */
  public double[] predictXstart(float[] xt, float[] eps, int t) {
    double a = tables.sqrtRecipAlphaCumprod(t);
    double b = tables.sqrtRecipm1AlphaCumprod(t);
    double[] out = new double[xt.length];
    for (int i = 0; i < out.length; i++) {
      double x = a * xt[i] - b * eps[i];
      out[i] = config.clipDenoised() ? Math.max(-1.0, Math.min(1.0, x)) : x;
    }
    return out;
  }

  /** The posterior mean c1_t x_0 + c2_t x_t for a given x_0 (the data or the model's prediction). */
  public double[] posteriorMean(double[] x0, float[] xt, int t) {
    double c1 = tables.posteriorMeanCoef1(t);
    double c2 = tables.posteriorMeanCoef2(t);
    double[] out = new double[xt.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = c1 * x0[i] + c2 * xt[i];
    }
    return out;
  }

  /**
   * All terms at timestep t.
   *
   * @param x0 the data, [B, ...] flat
   * @param xt the noisy input the model saw
   * @param eps the model's noise prediction for (x_t, t)
   * @param noise the noise that formed x_t (for {@link TermValues#mse()})
   * @param batch B
   */
  public TermValues evaluate(float[] x0, float[] xt, float[] eps, float[] noise, int t, int batch) {
    int n = x0.length;
    if (xt.length != n || eps.length != n || noise.length != n || batch <= 0 || n % batch != 0) {
      throw new IllegalArgumentException("timestep " + t + ": array sizes x0 " + n + ", x_t " + xt.length + ", eps "
          + eps.length + ", noise " + noise.length + " do not form a batch of " + batch);
    }
    double[] x0d = new double[n];
    for (int i = 0; i < n; i++) {
      x0d[i] = x0[i];
    }
    double[] predX0 = predictXstart(xt, eps, t);
    double[] trueMean = posteriorMean(x0d, xt, t);
    double[] modelMean = posteriorMean(predX0, xt, t);
    double trueLogVar = tables.posteriorLogVarianceClipped(t);
    double modelLogVar = config.variance().logVariance(tables, t);
    double logScale = 0.5 * modelLogVar;
    double recip = tables.sqrtRecipAlphaCumprod(t);
    double recipm1 = tables.sqrtRecipm1AlphaCumprod(t);
    int per = n / batch;
    double[] kl = new double[batch];
    double[] decoder = new double[batch];
    double[] mse = new double[batch];
    double[] xstartMse = new double[batch];
    double[] vb = new double[batch];
    for (int b = 0; b < batch; b++) {
      double klSum = 0;
      double decSum = 0;
      double mseSum = 0;
      double xsSum = 0;
      for (int i = b * per; i < (b + 1) * per; i++) {
        klSum += GaussianTerms.normalKl(trueMean[i], trueLogVar, modelMean[i], modelLogVar);
        decSum -= GaussianTerms.discretizedGaussianLogLikelihood(x0[i], modelMean[i], logScale);
        double epsHat = (recip * xt[i] - predX0[i]) / recipm1;
        mseSum += (epsHat - noise[i]) * (epsHat - noise[i]);
        xsSum += (predX0[i] - x0[i]) * (predX0[i] - x0[i]);
      }
      kl[b] = klSum / per / LN2;
      decoder[b] = decSum / per / LN2;
      mse[b] = mseSum / per;
      xstartMse[b] = xsSum / per;
      vb[b] = t == 0 ? decoder[b] : kl[b];
    }
    return new TermValues(vb, kl, decoder, mse, xstartMse);
  }

  /** The prior term KL(q(x_T | x_0) || N(0, I)) in bits/dim, one entry per image. */
  public double[] priorBpd(float[] x0, int batch) {
    int last = tables.numTimesteps() - 1;
    double a = tables.sqrtAlphaCumprod(last);
    double logVar = tables.logOneMinusAlphaCumprod(last);
    int per = x0.length / batch;
    double[] out = new double[batch];
    for (int b = 0; b < batch; b++) {
      double sum = 0;
      for (int i = b * per; i < (b + 1) * per; i++) {
        sum += GaussianTerms.normalKl(a * x0[i], logVar, 0.0, 0.0);
      }
      out[b] = sum / per / LN2;
    }
    return out;
  }
}
