package org.ddpm4j.eval;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ddpm4j.io.CheckpointException;
import org.ddpm4j.io.NpyArray;
import org.ddpm4j.io.NpyType;
import org.ddpm4j.io.Npz;

/**
 * The Gaussian statistics FID compares: mean and covariance of the features of a set of samples, stored as an
 * {@code .npz} with a float64 {@code mu} [d] and {@code sigma} [d, d], the layout of pytorch-fid's
 * {@code save_fid_stats} and clean-fid's reference statistics (e.g. {@code fid_stats_cifar10_train.npz}).
 *
 * @param mu the mean, d values
 * @param sigma the covariance, row-major d x d
 */
public record MeanCovariance(double[] mu, double[] sigma) {
  /** Key of the mean. */
  public static final String MU = "mu";
  /** Key of the covariance. */
  public static final String SIGMA = "sigma";

  /** Checks that sigma is d x d for the d of mu. */
  public MeanCovariance {
    if (sigma.length != (long) mu.length * mu.length) {
      throw new IllegalArgumentException("sigma has " + sigma.length + " values, mu has " + mu.length
          + " entries: expected " + (long) mu.length * mu.length);
    }
  }

  /** The feature dimension d. */
  public int dim() {
    return mu.length;
  }

  /** Writes {@code {mu: float64 [d], sigma: float64 [d, d]}} atomically. */
  public void write(Path file) {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    arrays.put(MU, NpyArray.ofDoubles(new long[] {mu.length}, mu));
    arrays.put(SIGMA, NpyArray.ofDoubles(new long[] {mu.length, mu.length}, sigma));
    Npz.write(file, arrays);
  }

  /**
   * Reads statistics written by this class, pytorch-fid or clean-fid (float32 arrays are widened).
   *
   * @throws CheckpointException naming the file when {@code mu} or {@code sigma} is missing, not floating-point, of
   *     mismatched dimensions or not finite
   */
  public static MeanCovariance read(Path file) {
    Npz npz = Npz.read(file);
    if (!npz.contains(MU) || !npz.contains(SIGMA)) {
      throw new CheckpointException(file + ": not FID statistics: needs arrays '" + MU + "' and '" + SIGMA
          + "' (arrays present: " + npz.arrays().keySet() + ")");
    }
    NpyArray mu = npz.get(MU);
    NpyArray sigma = npz.get(SIGMA);
    for (NpyArray a : new NpyArray[] {mu, sigma}) {
      if (a.type() != NpyType.FLOAT64 && a.type() != NpyType.FLOAT32) {
        throw new CheckpointException(file + ": '" + (a == mu ? MU : SIGMA) + "' must be float64, got " + a);
      }
    }
    long[] ms = mu.shape();
    long[] ss = sigma.shape();
    if (ms.length != 1 || ss.length != 2 || ss[0] != ms[0] || ss[1] != ms[0]) {
      throw new CheckpointException(file + ": mismatched dimensions: '" + MU + "' " + mu + " and '" + SIGMA + "' "
          + sigma + " (expected mu [d] and sigma [d, d])");
    }
    double[] m = mu.toDoubles();
    double[] s = sigma.toDoubles();
    requireFinite(file, MU, m);
    requireFinite(file, SIGMA, s);
    return new MeanCovariance(m, s);
  }

  private static void requireFinite(Path file, String key, double[] v) {
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new CheckpointException(file + ": '" + key + "' has a non-finite value " + v[i] + " at flat index " + i);
      }
    }
  }
}
