package io.inferlink.codec.json;

import java.math.BigInteger;

/**
 * Writes a finite float as the shortest decimal that reads back to the same float, in the layout of
 * {@link Float#toString(float)} ({@code 0.001} up to {@code 9999999.0} plain, otherwise
 * {@code 1.0E-4} style; at least one digit after the point), into a byte array (ASCII) without allocating.
 *
 * <p>Why not {@code Float.toString}: on Java 17 it is the old {@code FloatingDecimal}, which costs
 * several times more than the rest of writing a number to JSON and allocates a String per value;
 * a tensor is hundreds of thousands of them. This is Ulf Adams' Ryū ("Ryū: fast float-to-string
 * conversion", PLDI 2018, reference implementation {@code f2s.c}, Apache 2.0 / Boost): 32-bit
 * arithmetic on the decimal interval of the float's rounding range, with the powers of five
 * computed once from {@link BigInteger}. Stateless and thread-safe.
 *
 * <p>It is the one float-to-text conversion of the JSON codec: {@link TensorJsonWriter} writes FP32 (and FP16/BF16
 * widened to float) with it, for every protocol.
 */
public final class FloatText {
  /** The longest output: sign, nine digits, point, {@code E-45}. */
  public static final int MAX_CHARS = 16;

  private static final int MANTISSA_BITS = 23;
  private static final int EXPONENT_BIAS = 127;
  private static final int POW5_INV_BITCOUNT = 59;
  private static final int POW5_BITCOUNT = 61;
  private static final long[] POW5_INV_SPLIT = new long[32];
  private static final long[] POW5_SPLIT = new long[48];
  private static final byte[] DIGIT_PAIRS = new byte[200];
  private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  static {
    for (int i = 0; i < 100; i++) {
      DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
      DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
    // POW5_INV_SPLIT[q] = floor(2^(pow5bits(q) - 1 + 59) / 5^q) + 1; POW5_SPLIT[i] = 5^i scaled to 61 bits.
    for (int q = 0; q < POW5_INV_SPLIT.length; q++) {
      BigInteger pow = BigInteger.valueOf(5).pow(q);
      POW5_INV_SPLIT[q] = BigInteger.ONE.shiftLeft(pow5bits(q) - 1 + POW5_INV_BITCOUNT).divide(pow)
          .add(BigInteger.ONE).longValueExact();
    }
    for (int i = 0; i < POW5_SPLIT.length; i++) {
      BigInteger pow = BigInteger.valueOf(5).pow(i);
      POW5_SPLIT[i] = pow.shiftRight(pow5bits(i) - POW5_BITCOUNT).longValueExact();
    }
  }

  private FloatText() {}

  /** The text of a finite float, as {@link #write} writes it. */
  public static String toString(float v) {
    byte[] out = new byte[MAX_CHARS];
    return new String(out, 0, write(v, out, 0), java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes {@code v} at {@code out[pos]} and returns the position after it; {@code out} needs
   * {@link #MAX_CHARS} free. Only for finite values: NaN and the infinities have no digits.
   *
   * @throws IllegalArgumentException for NaN and the infinities
   */
  public static int write(float v, byte[] out, int pos) {
    int bits = Float.floatToRawIntBits(v);
    int ieeeMantissa = bits & ((1 << MANTISSA_BITS) - 1);
    int ieeeExponent = (bits >>> MANTISSA_BITS) & 0xFF;
    if (ieeeExponent == 0xFF) {
      throw new IllegalArgumentException("not a finite float: " + v);
    }
    if (bits < 0) {
      out[pos++] = '-';
    }
    if (ieeeExponent == 0 && ieeeMantissa == 0) {
      out[pos++] = '0';
      out[pos++] = '.';
      out[pos++] = '0';
      return pos;
    }
    long decimal = shortest(ieeeMantissa, ieeeExponent);
    int digits = (int) decimal;
    int length = decimalLength(digits);
    int exp = (int) (decimal >> 32) + length - 1; // the exponent of scientific notation
    if (exp >= -3 && exp < 7) {
      return plain(digits, length, exp, out, pos);
    }
    return scientific(digits, length, exp, out, pos);
  }

  /** {@code 123.45}, {@code 0.00123}, {@code 1200.0}. */
  private static int plain(int digits, int length, int exp, byte[] out, int pos) {
    if (exp < 0) {
      out[pos++] = '0';
      out[pos++] = '.';
      for (int i = -1; i > exp; i--) {
        out[pos++] = '0';
      }
      putDigits(digits, length, out, pos + length);
      return pos + length;
    }
    int whole = exp + 1;
    if (length <= whole) {
      putDigits(digits, length, out, pos + length);
      pos += length;
      for (int i = length; i < whole; i++) {
        out[pos++] = '0';
      }
      out[pos++] = '.';
      out[pos++] = '0';
      return pos;
    }
    int fraction = length - whole;
    putDigits(digits / POW10[fraction], whole, out, pos + whole);
    out[pos + whole] = '.';
    int end = pos + length + 1;
    putDigits(digits % POW10[fraction], fraction, out, end);
    return end;
  }

  /** {@code 1.2345E-5}, {@code 3.0E10}. */
  private static int scientific(int digits, int length, int exp, byte[] out, int pos) {
    int rest = length - 1;
    out[pos++] = (byte) ('0' + digits / POW10[rest]);
    out[pos++] = '.';
    if (rest == 0) {
      out[pos++] = '0';
    } else {
      pos += rest;
      putDigits(digits % POW10[rest], rest, out, pos);
    }
    out[pos++] = 'E';
    if (exp < 0) {
      out[pos++] = '-';
      exp = -exp;
    }
    if (exp >= 10) {
      out[pos++] = (byte) ('0' + exp / 10);
    }
    out[pos++] = (byte) ('0' + exp % 10);
    return pos;
  }

  /** Writes exactly {@code count} digits of {@code v} (leading zeros included) ending just before {@code end}. */
  private static void putDigits(int v, int count, byte[] out, int end) {
    for (; count >= 4; count -= 4) {
      int high = v / 10_000;
      int low = v - 10_000 * high;
      int lowHigh = low / 100;
      int lowLow = low - 100 * lowHigh;
      out[end - 1] = DIGIT_PAIRS[2 * lowLow + 1];
      out[end - 2] = DIGIT_PAIRS[2 * lowLow];
      out[end - 3] = DIGIT_PAIRS[2 * lowHigh + 1];
      out[end - 4] = DIGIT_PAIRS[2 * lowHigh];
      end -= 4;
      v = high;
    }
    if (count >= 2) {
      int high = v / 100;
      int pair = v - 100 * high;
      out[--end] = DIGIT_PAIRS[2 * pair + 1];
      out[--end] = DIGIT_PAIRS[2 * pair];
      v = high;
      count -= 2;
    }
    if (count == 1) {
      out[--end] = (byte) ('0' + v);
    }
  }


  /**
   * The shortest correctly rounded decimal of a positive finite non-zero float, as
   * {@code exponent << 32 | digits}: the float is {@code digits * 10^exponent} once read back.
   * Step numbers are those of f2s.c.
   */
  private static long shortest(int ieeeMantissa, int ieeeExponent) {
    // Step 1: unify normal and subnormal numbers; subtract 2 so the bounds below are integers.
    int e2;
    long m2;
    if (ieeeExponent == 0) {
      e2 = 1 - EXPONENT_BIAS - MANTISSA_BITS - 2;
      m2 = ieeeMantissa;
    } else {
      e2 = ieeeExponent - EXPONENT_BIAS - MANTISSA_BITS - 2;
      m2 = (1L << MANTISSA_BITS) | ieeeMantissa;
    }
    boolean acceptBounds = (m2 & 1) == 0; // round-half-even reads the bounds back to this float

    // Step 2: the interval of decimals that read back to this float.
    long mv = 4 * m2;
    long mp = 4 * m2 + 2;
    int mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1 : 0;
    long mm = 4 * m2 - 1 - mmShift;

    // Step 3: convert the interval to a decimal power base (all three fit an int: below 10 * 2^26).
    int vr;
    int vp;
    int vm;
    int e10;
    boolean vmIsTrailingZeros = false;
    boolean vrIsTrailingZeros = false;
    int lastRemovedDigit = 0;
    if (e2 >= 0) {
      int q = log10Pow2(e2);
      e10 = q;
      int k = POW5_INV_BITCOUNT + pow5bits(q) - 1;
      int i = -e2 + q + k;
      vr = mulShift(mv, POW5_INV_SPLIT[q], i);
      vp = mulShift(mp, POW5_INV_SPLIT[q], i);
      vm = mulShift(mm, POW5_INV_SPLIT[q], i);
      if (q != 0 && (vp - 1) / 10 <= vm / 10) {
        // One removed digit is needed even when the loop below does not run.
        int l = POW5_INV_BITCOUNT + pow5bits(q - 1) - 1;
        lastRemovedDigit = mulShift(mv, POW5_INV_SPLIT[q - 1], -e2 + q - 1 + l) % 10;
      }
      if (q <= 9) {
        // Only one of mp, mv and mm can be a multiple of 5, if any.
        if (mv % 5 == 0) {
          vrIsTrailingZeros = multipleOfPowerOf5(mv, q);
        } else if (acceptBounds) {
          vmIsTrailingZeros = multipleOfPowerOf5(mm, q);
        } else if (multipleOfPowerOf5(mp, q)) {
          vp--;
        }
      }
    } else {
      int q = log10Pow5(-e2);
      e10 = q + e2;
      int i = -e2 - q;
      int k = pow5bits(i) - POW5_BITCOUNT;
      int j = q - k;
      vr = mulShift(mv, POW5_SPLIT[i], j);
      vp = mulShift(mp, POW5_SPLIT[i], j);
      vm = mulShift(mm, POW5_SPLIT[i], j);
      if (q != 0 && (vp - 1) / 10 <= vm / 10) {
        j = q - 1 - (pow5bits(i + 1) - POW5_BITCOUNT);
        lastRemovedDigit = mulShift(mv, POW5_SPLIT[i + 1], j) % 10;
      }
      if (q <= 1) {
        // mv = 4 * m2 always has at least two trailing zero bits.
        vrIsTrailingZeros = true;
        if (acceptBounds) {
          vmIsTrailingZeros = mmShift == 1; // mm = mv - 1 - mmShift has one trailing 0 bit iff mmShift is 1
        } else {
          vp--; // mp = mv + 2 always has at least one trailing 0 bit
        }
      } else if (q < 31) {
        vrIsTrailingZeros = multipleOfPowerOf2(mv, q - 1);
      }
    }

    // Step 4: the shortest decimal in the interval, rounded correctly.
    int removed = 0;
    int output;
    if (vmIsTrailingZeros || vrIsTrailingZeros) {
      // The general case, which happens rarely.
      while (vp / 10 > vm / 10) {
        vmIsTrailingZeros &= vm % 10 == 0;
        vrIsTrailingZeros &= lastRemovedDigit == 0;
        lastRemovedDigit = vr % 10;
        vr /= 10;
        vp /= 10;
        vm /= 10;
        removed++;
      }
      if (vmIsTrailingZeros) {
        while (vm % 10 == 0) {
          vrIsTrailingZeros &= lastRemovedDigit == 0;
          lastRemovedDigit = vr % 10;
          vr /= 10;
          vp /= 10;
          vm /= 10;
          removed++;
        }
      }
      if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) {
        lastRemovedDigit = 4; // exactly ...50...0: round half to even
      }
      output = vr + ((vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5 ? 1 : 0);
    } else {
      // The common case (no trailing zeros to track): two digits at a time first, as d2s.c does.
      boolean roundUp = lastRemovedDigit >= 5;
      int vpDiv100 = vp / 100;
      int vmDiv100 = vm / 100;
      if (vpDiv100 > vmDiv100) {
        int vrDiv100 = vr / 100;
        roundUp = vr - 100 * vrDiv100 >= 50;
        vr = vrDiv100;
        vp = vpDiv100;
        vm = vmDiv100;
        removed += 2;
      }
      int vpDiv10 = vp / 10;
      int vmDiv10 = vm / 10;
      while (vpDiv10 > vmDiv10) {
        int vrDiv10 = vr / 10;
        roundUp = vr - 10 * vrDiv10 >= 5;
        vr = vrDiv10;
        vp = vpDiv10;
        vm = vmDiv10;
        vpDiv10 = vp / 10;
        vmDiv10 = vm / 10;
        removed++;
      }
      output = vr + (vr == vm || roundUp ? 1 : 0);
    }
    return ((long) (e10 + removed) << 32) | output;
  }

  /** {@code m * factor >> shift} for {@code m} below 2^27, a factor below 2^62 and {@code shift} above 32. */
  private static int mulShift(long m, long factor, int shift) {
    long bits0 = m * (factor & 0xFFFFFFFFL);
    long bits1 = m * (factor >>> 32);
    return (int) (((bits0 >>> 32) + bits1) >>> (shift - 32));
  }

  private static boolean multipleOfPowerOf5(long value, int p) {
    int count = 0;
    while (value % 5 == 0 && count < p) {
      value /= 5;
      count++;
    }
    return count >= p;
  }

  private static boolean multipleOfPowerOf2(long value, int p) {
    return (value & ((1L << p) - 1)) == 0;
  }

  /** {@code ceil(log2(5^e))}, and 1 for e = 0; exact for 0 <= e <= 3528. */
  private static int pow5bits(int e) {
    return (int) (((e * 1217359L) >>> 19) + 1);
  }

  /** {@code floor(log10(2^e))} for 0 <= e <= 1650. */
  private static int log10Pow2(int e) {
    return (int) ((e * 78913L) >>> 18);
  }

  /** {@code floor(log10(5^e))} for 0 <= e <= 2620. */
  private static int log10Pow5(int e) {
    return (int) ((e * 732923L) >>> 20);
  }

  private static int decimalLength(int v) {
    // A float's shortest decimal has at most nine digits.
    return v >= 100_000_000 ? 9 : v >= 10_000_000 ? 8 : v >= 1_000_000 ? 7 : v >= 100_000 ? 6
        : v >= 10_000 ? 5 : v >= 1_000 ? 4 : v >= 100 ? 3 : v >= 10 ? 2 : 1;
  }
}
