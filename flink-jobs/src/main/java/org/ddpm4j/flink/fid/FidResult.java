package org.ddpm4j.flink.fid;

import java.util.Locale;
import org.ddpm4j.eval.FrechetDistance;
import org.ddpm4j.eval.InceptionScore;
import org.ddpm4j.eval.KernelInceptionDistance;

/**
 * The metrics of one run.
 *
 * @param metricSuffix appended to every metric name: "" for the standard Inception, "-FMNIST" for the Fashion-MNIST
 *     classifier's features ("FID-FMNIST", never "FID")
 * @param fid the Frechet distance and its terms
 * @param kid KID, or null when omitted
 * @param kidOmitted why KID was omitted, or null
 * @param is IS, or null when omitted
 * @param isOmitted why IS was omitted, or null
 * @param samples the number of sample images (0 when given as statistics)
 * @param reference the number of reference images (0 when given as statistics)
 * @param wallSeconds the run's wall time
 */
public record FidResult(String metricSuffix, FrechetDistance.Result fid, KernelInceptionDistance.Result kid,
    String kidOmitted, InceptionScore.Result is, String isOmitted, int samples, int reference, double wallSeconds) {

  /** A metric's name, e.g. "FID-FMNIST" for base "FID". */
  public String name(String base) {
    return base + metricSuffix;
  }

  /** E.g. "FID-FMNIST 12.345678 (samples 10000, reference 10000), KID-FMNIST ..., IS-FMNIST ..., 12.3 s". */
  public String summary() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s %.6f (samples %s, reference %s)", name("FID"),
        fid.value(), samples > 0 ? samples : "as statistics", reference > 0 ? reference : "as statistics"));
    if (kid != null) {
      s.append(String.format(Locale.ROOT, ", %s %.6g +- %.3g", name("KID"), kid.mean(), kid.std()));
    }
    if (is != null) {
      s.append(String.format(Locale.ROOT, ", %s %.4f +- %.4f", name("IS"), is.mean(), is.std()));
    }
    return s.append(String.format(Locale.ROOT, ", %.1f s", wallSeconds)).toString();
  }
}
