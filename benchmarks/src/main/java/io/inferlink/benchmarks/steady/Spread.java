package io.inferlink.benchmarks.steady;

import java.util.Arrays;
import java.util.List;

/**
 * The per-fork values of one check, summarised: median, min and max, and the verdict. "met" and "MISSED"
 * need every fork pair on the same side of the bound; when the spread crosses the bound the check is
 * "unsettled" whatever the median says, because another run could land on either side. Immutable.
 */
record Spread(double median, double min, double max, String verdict) {
  static final String MET = "met";
  static final String MISSED = "MISSED";
  static final String UNSETTLED = "unsettled";
  static final String NOT_MEASURED = "not measured";

  static Spread of(Check check, List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length == 0 || v.length < values.size()) {
      return new Spread(Double.NaN, Double.NaN, Double.NaN, NOT_MEASURED);
    }
    long holding = Arrays.stream(v).filter(check::holds).count();
    String verdict = holding == v.length ? MET : holding == 0 ? MISSED : UNSETTLED;
    return new Spread(median(v), v[0], v[v.length - 1], verdict);
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
