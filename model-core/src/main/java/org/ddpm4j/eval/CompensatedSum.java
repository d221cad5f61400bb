package org.ddpm4j.eval;

/** Neumaier's compensated summation: the error does not grow with the number of terms. */
final class CompensatedSum {
  private double sum;
  private double compensation;

  /** Adds a term. */
  void add(double x) {
    double t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
  }

  /** The sum of the terms added. */
  double value() {
    return sum + compensation;
  }
}
