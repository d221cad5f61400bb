package org.ddpm4j.eval;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * "featgen v1" of the golden metrics README: synthetic feature sets and logits from SplitMix64 streams, bit-exact
 * (every intermediate is exact in double; only the final cast to float rounds). {@link SplittableRandom#nextLong()}
 * is the README's SplitMix64 stream.
 */
public final class FeatGen {

  /**
   * Generator parameters (K, rho, A = (a1, b1, a2, b2, a3, b3)).
   *
   * @param k number of shared factors z
   * @param rho neighbour correlation of the noise e
   * @param a the six column constants
   */
  public record Params(int k, double rho, int[] a) {}

  private FeatGen() {}

  /** One approximately standard normal value: the sum of 12 uniform 24-bit draws minus 6. */
  private static double gauss(SplittableRandom s) {
    double sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (s.nextLong() >>> 40) * 0x1p-24;
    }
    return sum - 6.0;
  }

  /**
   * A feature set of {@code n} rows of dimension {@code d}; columns {@code [deadFrom, deadTo)} are set to zero.
   */
  public static FeatureMatrix features(long seed, int n, int d, Params p, int deadFrom, int deadTo) {
    SplittableRandom s = new SplittableRandom(seed);
    int[] a = p.a();
    double[] m = new double[d];
    double[] sd = new double[d];
    double[] lambda = new double[d];
    for (int j = 0; j < d; j++) {
      m[j] = ((j * a[0] + a[1]) % 64) / 64.0 - 0.5;
      sd[j] = (16 + (j * a[2] + a[3]) % 17) / 32.0;
      lambda[j] = ((j * a[4] + a[5]) % 9) / 8.0;
    }
    float[] f = new float[n * d];
    double[] z = new double[p.k()];
    double[] e = new double[d];
    for (int i = 0; i < n; i++) {
      for (int q = 0; q < z.length; q++) {
        z[q] = gauss(s);
      }
      for (int j = 0; j < d; j++) {
        e[j] = gauss(s);
      }
      for (int j = 0; j < d; j++) {
        boolean dead = j >= deadFrom && j < deadTo;
        f[i * d + j] = dead ? 0.0f
            : (float) (((sd[j] * (e[j] + p.rho() * e[(j + 1) % d])) + lambda[j] * z[j % p.k()]) + m[j]);
      }
    }
    return new FeatureMatrix(n, d, f);
  }

  /**
   * "loggen": {@code n} rows of {@code c} logits; row i favours class {@code spacing * ((r >>> 40) mod nclass)} by
   * {@code b}.
   */
  public static FeatureMatrix logits(long seed, int n, int c, double b, int nclass, int spacing) {
    SplittableRandom s = new SplittableRandom(seed);
    float[] f = new float[n * c];
    for (int i = 0; i < n; i++) {
      long r = s.nextLong();
      long y = spacing * ((r >>> 40) % nclass);
      for (int j = 0; j < c; j++) {
        f[i * c + j] = (float) (gauss(s) + (j == y ? b : 0.0));
      }
    }
    return new FeatureMatrix(n, c, f);
  }

  /** SHA-256 of the values as little-endian float32, lower-case hex. */
  public static String sha256(FeatureMatrix m) {
    ByteBuffer b = ByteBuffer.allocate(m.values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(m.values());
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
