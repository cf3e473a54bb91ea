package io.inferlink.parity;

import java.util.List;

/**
 * One output of one server compared with the same output of the baseline (the first server) in a
 * {@link Parity} run. Immutable and thread-safe.
 *
 * @param output the output's name
 * @param baseline the label of the baseline server
 * @param other the label of the server compared with it
 * @param baselineDtype the baseline's element type name, or {@code null} when it lacks the output
 * @param otherDtype the other server's element type name, or {@code null} when it lacks the output
 * @param baselineShape the baseline's shape (empty list for a scalar or a missing output)
 * @param otherShape the other server's shape
 * @param maxAbsDiff the largest {@code |other - baseline|} over the elements; NaN when values could
 *     not be compared numerically (BYTES, different element counts) or one side held a lone NaN
 * @param maxRelDiff the largest {@code |other - baseline| / |baseline|} (infinite when the baseline is 0)
 * @param mismatches how many elements the tolerance refused (BYTES: how many differ at all)
 * @param firstMismatch where and how the first refused element differs, or {@code null}
 * @param problem why the values could not be compared at all (a missing output, different element
 *     counts, BYTES against numbers), or {@code null}
 */
public record OutputComparison(String output, String baseline, String other, String baselineDtype, String otherDtype,
    List<Long> baselineShape, List<Long> otherShape, double maxAbsDiff, double maxRelDiff, long mismatches,
    String firstMismatch, String problem) {

  /**
   * Copies the shapes.
   *
   * @param output the output's name
   * @param baseline the baseline server's label
   * @param other the compared server's label
   * @param baselineDtype the baseline's element type name, or {@code null}
   * @param otherDtype the other server's element type name, or {@code null}
   * @param baselineShape the baseline's shape; copied
   * @param otherShape the other server's shape; copied
   * @param maxAbsDiff the largest absolute difference, or NaN
   * @param maxRelDiff the largest relative difference
   * @param mismatches how many elements the tolerance refused
   * @param firstMismatch the first refused element, or {@code null}
   * @param problem why the values could not be compared, or {@code null}
   */
  public OutputComparison {
    baselineShape = List.copyOf(baselineShape);
    otherShape = List.copyOf(otherShape);
  }

  /**
   * True when both servers gave the output with the same element type.
   *
   * @return whether the element types are the same
   */
  public boolean dtypeEqual() {
    return baselineDtype != null && baselineDtype.equals(otherDtype);
  }

  /**
   * True when both servers gave the output with the same shape.
   *
   * @return whether the shapes are the same
   */
  public boolean shapeEqual() {
    return baselineDtype != null && otherDtype != null && baselineShape.equals(otherShape);
  }

  /**
   * True when the output counts as the same: comparable values, every element within tolerance,
   * equal shapes and (unless the run allowed otherwise) equal element types.
   *
   * @param requireSameDtype whether a different element type alone is a mismatch
   * @return whether the output matches
   */
  public boolean matches(boolean requireSameDtype) {
    return problem == null && mismatches == 0 && shapeEqual() && (dtypeEqual() || !requireSameDtype);
  }

  /**
   * One readable line: the output, both types and shapes, the differences and the verdict.
   *
   * @param requireSameDtype whether a different element type alone is a mismatch
   * @return the line, without a line break
   */
  public String describe(boolean requireSameDtype) {
    StringBuilder sb = new StringBuilder(output).append(": ").append(other).append(" vs ").append(baseline).append(": ")
        .append(side(otherDtype, otherShape)).append(dtypeEqual() && shapeEqual() ? " = " : " / ")
        .append(side(baselineDtype, baselineShape));
    if (problem != null) {
      sb.append(", ").append(problem);
    } else {
      sb.append(", max abs ").append(number(maxAbsDiff)).append(", max rel ").append(number(maxRelDiff));
      if (mismatches > 0) {
        sb.append(", ").append(mismatches).append(mismatches == 1 ? " element differs" : " elements differ");
        if (firstMismatch != null) {
          sb.append(", first ").append(firstMismatch);
        }
      }
    }
    if (!dtypeEqual() && baselineDtype != null && otherDtype != null) {
      sb.append(requireSameDtype ? ", element types differ" : ", element types differ (allowed)");
    }
    if (!shapeEqual() && baselineDtype != null && otherDtype != null) {
      sb.append(", shapes differ");
    }
    return sb.append(matches(requireSameDtype) ? ": match" : ": MISMATCH").toString();
  }

  private static String side(String dtype, List<Long> shape) {
    return dtype == null ? "(missing)" : dtype + " " + shape;
  }

  private static String number(double d) {
    return Double.isNaN(d) ? "-" : d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
