package io.inferlink.parity;

/**
 * How far apart two numbers may be and still count as equal in a {@link Parity} comparison:
 * {@code |actual - expected| <= absolute + relative * |expected|}, NumPy's {@code isclose} rule,
 * where {@code expected} is the baseline's value. NaN equals NaN and an infinity equals the same
 * infinity, so a server that passes them through faithfully matches. BYTES are always compared
 * exactly. Immutable and thread-safe.
 *
 * @param absolute the absolute tolerance, at least 0
 * @param relative the tolerance relative to the baseline value, at least 0
 */
public record Tolerance(double absolute, double relative) {
  /**
   * Checks both are finite and not negative.
   *
   * @param absolute the absolute tolerance; finite, at least 0
   * @param relative the relative tolerance; finite, at least 0
   * @throws IllegalArgumentException when either is negative, NaN or infinite
   */
  public Tolerance {
    check("absolute", absolute);
    check("relative", relative);
  }

  /**
   * Bit-for-bit equal numbers (NaN still equals NaN).
   *
   * @return the zero tolerance
   */
  public static Tolerance exact() {
    return new Tolerance(0, 0);
  }

  /**
   * An absolute tolerance only.
   *
   * @param absolute the largest accepted difference; finite, at least 0
   * @return a tolerance with no relative part
   */
  public static Tolerance absolute(double absolute) {
    return new Tolerance(absolute, 0);
  }

  /**
   * A relative tolerance only.
   *
   * @param relative the largest accepted difference as a fraction of the baseline's magnitude; finite, at least 0
   * @return a tolerance with no absolute part
   */
  public static Tolerance relative(double relative) {
    return new Tolerance(0, relative);
  }

  /**
   * True when {@code actual} is close enough to the baseline's {@code expected}.
   *
   * @param actual the compared server's value
   * @param expected the baseline's value
   * @return whether the two count as equal
   */
  public boolean accepts(double actual, double expected) {
    if (Double.isNaN(actual) || Double.isNaN(expected)) {
      return Double.isNaN(actual) && Double.isNaN(expected);
    }
    if (actual == expected) {
      return true; // also equal infinities, whose difference is NaN
    }
    return Math.abs(actual - expected) <= absolute + relative * Math.abs(expected);
  }

  @Override
  public String toString() {
    return absolute == 0 && relative == 0 ? "exact" : "abs " + absolute + ", rel " + relative;
  }

  private static void check(String what, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " tolerance must be a finite number >= 0, got " + value);
    }
  }
}
