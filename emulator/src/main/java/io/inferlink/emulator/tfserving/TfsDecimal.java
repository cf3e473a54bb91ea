package io.inferlink.emulator.tfserving;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Floats as TF Serving's {@code WriteDecimal} writes them (PROTOCOLS.md §1.7): C's {@code %g} with 6
 * significant digits when that reads back as the same value, else with {@code max_digits10} (9 for
 * float, 17 for double); {@code .0} appended when the text has neither {@code .} nor {@code e};
 * bare {@code NaN}, {@code Infinity}, {@code -Infinity}. Java's own {@code %g} differs from C's (it
 * keeps trailing zeros and switches to exponents at other points), hence the digits are done here.
 * Stateless.
 */
final class TfsDecimal {
  private TfsDecimal() {}

  static String format(float value) {
    if (!Float.isFinite(value)) {
      return nonFinite(value);
    }
    String text = cStyleG(value, 6);
    if (Float.parseFloat(text) != value) {
      text = cStyleG(value, 9);
    }
    return withPoint(text);
  }

  static String format(double value) {
    if (!Double.isFinite(value)) {
      return nonFinite(value);
    }
    String text = cStyleG(value, 6);
    if (Double.parseDouble(text) != value) {
      text = cStyleG(value, 17);
    }
    return withPoint(text);
  }

  /** {@code printf("%.<precision>g", value)} for a finite value. */
  static String cStyleG(double value, int precision) {
    if (value == 0) {
      return Double.doubleToRawLongBits(value) < 0 ? "-0" : "0";
    }
    // The exact binary value, rounded half-even as glibc does; the exponent is taken after rounding.
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent >= -4 && exponent < precision) {
      return rounded.stripTrailingZeros().toPlainString();
    }
    String digits = rounded.unscaledValue().abs().toString().replaceFirst("0+$", "");
    StringBuilder s = new StringBuilder();
    if (rounded.signum() < 0) {
      s.append('-');
    }
    s.append(digits.charAt(0));
    if (digits.length() > 1) {
      s.append('.').append(digits, 1, digits.length());
    }
    s.append('e').append(exponent < 0 ? '-' : '+');
    int magnitude = Math.abs(exponent);
    if (magnitude < 10) {
      s.append('0');
    }
    return s.append(magnitude).toString();
  }

  private static String withPoint(String text) {
    return text.indexOf('.') < 0 && text.indexOf('e') < 0 ? text + ".0" : text;
  }

  private static String nonFinite(double value) {
    return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  }
}
