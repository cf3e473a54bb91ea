package io.inferlink.parity;

import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Compares one output tensor of two servers element by element; stateless and thread-safe. */
final class TensorComparator {
  private TensorComparator() {}

  /** Compares {@code other} with {@code baseline}; either may be {@code null} (the output is missing). */
  static OutputComparison compare(String output, String baselineLabel, Tensor baseline, String otherLabel, Tensor other,
      Tolerance tolerance) {
    String bType = baseline == null ? null : baseline.dtype().wireName();
    String oType = other == null ? null : other.dtype().wireName();
    List<Long> bShape = shape(baseline);
    List<Long> oShape = shape(other);
    if (baseline == null || other == null) {
      String problem = "missing from " + (baseline == null ? baselineLabel : otherLabel);
      return new OutputComparison(output, baselineLabel, otherLabel, bType, oType, bShape, oShape,
          Double.NaN, Double.NaN, 0, null, problem);
    }
    if (baseline.elementCount() != other.elementCount()) {
      return new OutputComparison(output, baselineLabel, otherLabel, bType, oType, bShape, oShape, Double.NaN,
          Double.NaN, 0, null, "element counts differ (" + other.elementCount() + " vs " + baseline.elementCount() + ")");
    }
    boolean bBytes = baseline.dtype() == DataType.BYTES;
    if (bBytes != (other.dtype() == DataType.BYTES)) {
      return new OutputComparison(output, baselineLabel, otherLabel, bType, oType, bShape, oShape, Double.NaN,
          Double.NaN, 0, null, "BYTES cannot be compared with numbers");
    }
    return bBytes ? bytes(output, baselineLabel, baseline, otherLabel, other)
        : numbers(output, baselineLabel, baseline, otherLabel, other, tolerance);
  }

  private static OutputComparison bytes(String output, String bLabel, Tensor baseline, String oLabel, Tensor other) {
    List<byte[]> b = baseline.toBytesList();
    List<byte[]> o = other.toBytesList();
    long mismatches = 0;
    String first = null;
    for (int i = 0; i < b.size(); i++) {
      if (!Arrays.equals(b.get(i), o.get(i))) {
        if (mismatches++ == 0) {
          first = "at " + index(baseline.shape(), i) + ": " + Values.bytes(o.get(i)) + " vs " + Values.bytes(b.get(i));
        }
      }
    }
    return new OutputComparison(output, bLabel, oLabel, baseline.dtype().wireName(), other.dtype().wireName(),
        shape(baseline), shape(other), Double.NaN, Double.NaN, mismatches, first, null);
  }

  private static OutputComparison numbers(String output, String bLabel, Tensor baseline, String oLabel, Tensor other,
      Tolerance tolerance) {
    boolean integers = isIntegral(baseline.dtype()) && isIntegral(other.dtype());
    double maxAbs = 0;
    double maxRel = 0;
    long mismatches = 0;
    String first = null;
    for (long i = 0; i < baseline.elementCount(); i++) {
      double e;
      double abs;
      boolean ok;
      if (integers) {
        // Exact: 2^63-1 and 2^63-2 are one and the same double.
        BigInteger be = exact(baseline, i);
        abs = exact(other, i).subtract(be).abs().doubleValue();
        e = be.doubleValue();
        ok = abs <= tolerance.absolute() + tolerance.relative() * Math.abs(e);
      } else {
        e = baseline.getDouble(i);
        double a = other.getDouble(i);
        abs = a == e || (Double.isNaN(a) && Double.isNaN(e)) ? 0 : Math.abs(a - e); // a lone NaN gives NaN
        ok = tolerance.accepts(a, e);
      }
      if (abs != 0) {
        double rel = e == 0 ? Double.POSITIVE_INFINITY : abs / Math.abs(e);
        maxAbs = Double.isNaN(abs) || Double.isNaN(maxAbs) ? Double.NaN : Math.max(maxAbs, abs);
        maxRel = Double.isNaN(rel) || Double.isNaN(maxRel) ? Double.NaN : Math.max(maxRel, rel);
      }
      if (!ok && mismatches++ == 0) {
        first = "at " + index(baseline.shape(), i) + ": " + Values.number(other, i) + " vs " + Values.number(baseline, i);
      }
    }
    return new OutputComparison(output, bLabel, oLabel, baseline.dtype().wireName(), other.dtype().wireName(),
        shape(baseline), shape(other), maxAbs, maxRel, mismatches, first, null);
  }

  private static BigInteger exact(Tensor t, long i) {
    long v = t.getLong(i);
    return t.dtype() == DataType.UINT64 && v < 0 ? new BigInteger(Long.toUnsignedString(v)) : BigInteger.valueOf(v);
  }

  private static boolean isIntegral(DataType t) {
    return t.isInteger() || t == DataType.BOOL;
  }

  private static List<Long> shape(Tensor t) {
    List<Long> out = new ArrayList<>();
    if (t != null) {
      for (long d : t.shape()) {
        out.add(d);
      }
    }
    return out;
  }

  /** The row-major multi-index of a flat index, e.g. {@code [1, 2]}. */
  static String index(long[] shape, long flat) {
    long[] idx = new long[shape.length];
    long rest = flat;
    for (int d = shape.length - 1; d >= 0; d--) {
      idx[d] = shape[d] == 0 ? 0 : rest % shape[d];
      rest = shape[d] == 0 ? 0 : rest / shape[d];
    }
    return Arrays.toString(idx);
  }
}
