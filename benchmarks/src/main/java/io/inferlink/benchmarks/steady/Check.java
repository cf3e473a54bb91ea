package io.inferlink.benchmarks.steady;

/**
 * One target of issue 14: a metric of a comparison's fork pairs and its bound ({@code value >= bound} when
 * {@code atLeast}, else {@code value <= bound}). Immutable.
 */
record Check(String name, Metric metric, boolean atLeast, double bound) {

  /** Whether one value is within the bound (NaN never is). */
  boolean holds(double value) {
    return !Double.isNaN(value) && (atLeast ? value >= bound : value <= bound);
  }

  static Check atLeast(String name, Metric metric, double bound) {
    return new Check(name, metric, true, bound);
  }

  static Check atMost(String name, Metric metric, double bound) {
    return new Check(name, metric, false, bound);
  }
}
