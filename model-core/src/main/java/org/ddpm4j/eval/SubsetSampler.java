package org.ddpm4j.eval;

import java.util.SplittableRandom;

/** Reproducible random permutations and subsets (Fisher-Yates on {@link SplittableRandom}). */
final class SubsetSampler {
  private final SplittableRandom rng;

  /** A sampler whose draws depend only on the seed and the sequence of calls. */
  SubsetSampler(long seed) {
    this.rng = new SplittableRandom(seed);
  }

  /** A uniformly random permutation of {@code 0..n-1}. */
  int[] permutation(int n) {
    return subset(n, n);
  }

  /** {@code m} distinct indices drawn uniformly from {@code 0..n-1}, in draw order. */
  int[] subset(int n, int m) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = 0; i < m; i++) {
      int j = i + rng.nextInt(n - i);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return java.util.Arrays.copyOf(p, m);
  }
}
