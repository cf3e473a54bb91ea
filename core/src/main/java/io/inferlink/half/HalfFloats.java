package io.inferlink.half;

import io.inferlink.DataType;

/**
 * Conversions between {@code float} and the two 16-bit floating-point formats of the Open Inference
 * Protocol: IEEE 754 binary16 ({@link DataType#FP16}) and bfloat16 ({@link DataType#BF16}).
 *
 * <p>Java 17 has no half-precision type, and the project keeps exactly one copy of these
 * conversions (backends must call this class rather than carry their own). Widening is exact for
 * every bit pattern; narrowing rounds to nearest, ties to even, like the hardware and the numeric
 * libraries on the server side do, so a client and a server agree on every value. Stateless and
 * thread-safe.
 */
public final class HalfFloats {

  // binary16: 1 sign bit, 5 exponent bits (bias 15), 10 mantissa bits.
  private static final int FP16_EXP_MASK = 0x7C00;
  private static final int FP16_QUIET_BIT = 0x0200;
  // bfloat16 is the upper half of a binary32: 1 sign, 8 exponent (bias 127), 7 mantissa bits.
  private static final int BF16_QUIET_BIT = 0x0040;

  private static final int FLOAT_EXP_MASK = 0x7F800000;
  // Distance between the two exponent biases (127 - 15), in float exponent units.
  private static final int REBIAS = 112;
  // |x| >= 65520f: half-way between 65504 (largest finite binary16, odd mantissa) and 65536, so a
  // tie that rounds to even lands on 65536, which binary16 can only express as infinity.
  private static final int FP16_OVERFLOW_BITS = 0x477FF000;
  // |x| < 2^-14 (float bits of the smallest normal binary16) ends up subnormal or zero.
  private static final int FP16_MIN_NORMAL_BITS = 0x38800000;
  // |x| < 2^-25 is below half the smallest subnormal binary16 and always rounds to zero.
  private static final int FP16_UNDERFLOW_BITS = 0x33000000;

  private HalfFloats() {}

  /**
   * Widens an IEEE 754 binary16 bit pattern to the {@code float} with exactly the same value.
   *
   * @param bits the binary16 bits, as a Java {@code short}
   * @return the same value as a {@code float}; NaN payloads are kept
   */
  public static float fp16ToFloat(short bits) {
    int h = bits & 0xFFFF;
    int sign = (h & 0x8000) << 16;
    int exponent = (h & FP16_EXP_MASK) >>> 10;
    int mantissa = h & 0x03FF;
    if (exponent == 0x1F) {
      // Infinity keeps a zero mantissa; a NaN's payload moves to the top of the float mantissa, so
      // it stays non-zero (still NaN) and comes back unchanged through floatToFp16.
      return Float.intBitsToFloat(sign | FLOAT_EXP_MASK | (mantissa << 13));
    }
    if (exponent == 0) {
      // Zero or subnormal: the value is mantissa * 2^-24. Both factors are exact in float and the
      // product is a normal float, so the multiplication loses nothing.
      float magnitude = mantissa * 0x1p-24f;
      return Float.intBitsToFloat(sign | Float.floatToRawIntBits(magnitude));
    }
    // Normal: the same mantissa, only the exponent bias changes.
    return Float.intBitsToFloat(sign | ((exponent + REBIAS) << 23) | (mantissa << 13));
  }

  /**
   * Narrows a {@code float} to the nearest IEEE 754 binary16 bit pattern, ties to even, with
   * gradual underflow into subnormals and overflow to infinity; NaN gives a quiet NaN of the same
   * sign.
   *
   * @param value the number to narrow
   * @return the binary16 bits, as a Java {@code short}
   */
  public static short floatToFp16(float value) {
    int f = Float.floatToRawIntBits(value);
    int sign = (f >>> 16) & 0x8000;
    int abs = f & 0x7FFFFFFF;
    if (abs > FLOAT_EXP_MASK) {
      // Keep what fits of the payload; the quiet bit guarantees a non-zero mantissa, otherwise a
      // payload living only in the dropped low bits would turn the NaN into an infinity.
      return (short) (sign | FP16_EXP_MASK | FP16_QUIET_BIT | ((abs >>> 13) & 0x03FF));
    }
    if (abs >= FP16_OVERFLOW_BITS) {
      return (short) (sign | FP16_EXP_MASK); // also covers infinity itself
    }
    if (abs >= FP16_MIN_NORMAL_BITS) {
      // Rebias the exponent in place and drop 13 mantissa bits. A rounding carry out of the
      // mantissa correctly bumps the exponent (1.111..1 x 2^e becomes 1.0 x 2^(e+1)).
      return (short) (sign | shiftRightRoundingToEven(abs - (REBIAS << 23), 13));
    }
    if (abs < FP16_UNDERFLOW_BITS) {
      return (short) sign; // includes float subnormals and zeros; -0 stays -0
    }
    // Subnormal result: the binary16 mantissa is |x| / 2^-24 rounded to an integer. With the
    // implicit bit made explicit, |x| = significand * 2^(e - 150), so the integer is
    // significand >> (126 - e). A result of 1024 is the smallest normal, which the encoding
    // expresses with the same bits (exponent field 1, mantissa 0), so no special case is needed.
    int biasedExponent = abs >>> 23;
    int significand = (abs & 0x007FFFFF) | 0x00800000;
    return (short) (sign | shiftRightRoundingToEven(significand, 126 - biasedExponent));
  }

  /**
   * Widens a bfloat16 bit pattern to the {@code float} with exactly the same value.
   *
   * @param bits the bfloat16 bits, as a Java {@code short}
   * @return the same value as a {@code float}
   */
  public static float bf16ToFloat(short bits) {
    // bfloat16 is by definition the upper 16 bits of a binary32.
    return Float.intBitsToFloat((bits & 0xFFFF) << 16);
  }

  /**
   * Narrows a {@code float} to the nearest bfloat16 bit pattern, ties to even; overflow rounds to
   * infinity, and NaN gives a quiet NaN of the same sign.
   *
   * @param value the number to narrow
   * @return the bfloat16 bits, as a Java {@code short}
   */
  public static short floatToBf16(float value) {
    int f = Float.floatToRawIntBits(value);
    int abs = f & 0x7FFFFFFF;
    if (abs > FLOAT_EXP_MASK) {
      // Rounding a NaN whose payload is only in the low half would carry into the exponent or
      // truncate to infinity; force the quiet bit instead.
      return (short) ((f >>> 16) | BF16_QUIET_BIT);
    }
    // Rounding the magnitude alone keeps the sign out of the carry; a carry out of the largest
    // finite values lands exactly on the infinity pattern 0x7F80, which is what overflow must give.
    int sign = (f >>> 16) & 0x8000;
    return (short) (sign | shiftRightRoundingToEven(abs, 16));
  }

  /**
   * Divides a non-negative {@code value} by 2^shift (1 to 30), rounding to nearest with ties to
   * the even quotient.
   */
  private static int shiftRightRoundingToEven(int value, int shift) {
    int quotient = value >>> shift;
    int remainder = value & ((1 << shift) - 1);
    int half = 1 << (shift - 1);
    if (remainder > half || (remainder == half && (quotient & 1) != 0)) {
      quotient++;
    }
    return quotient;
  }
}
