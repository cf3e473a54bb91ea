package io.inferlink.benchmarks.report;

/**
 * One target of issue 8 checked against one run: the measured value (a ratio, or microseconds), the
 * bound, and whether it holds; {@code value} is NaN when a figure it needs was not measured. Immutable.
 */
record Target(String name, String params, double value, boolean atLeast, double bound, String unit, String detail) {

  /** True when measured and within the bound. */
  boolean met() {
    return !Double.isNaN(value) && (atLeast ? value >= bound : value <= bound);
  }

  /** "met", "MISSED" or "not measured". */
  String verdict() {
    return Double.isNaN(value) ? "not measured" : met() ? "met" : "MISSED";
  }
}
