package io.inferlink.codec.json;

import java.math.BigInteger;

/**
 * Writes a finite float as the text {@link Float#toString(float)} gives on Java 19 and later, into a byte array
 * (ASCII) without allocating: the shortest decimal that reads back to the same float (the closest of those; two
 * digits at least, so {@code 1.4E-45}), {@code 0.001} up to {@code 9999999.0} plain, otherwise {@code 1.0E-4}
 * style, at least one digit after the point.
 *
 * <p>Why not {@code Float.toString}: on Java 17 it is the old {@code FloatingDecimal}, which costs several times
 * more than the rest of writing a number to JSON, allocates a String per value and is not always the shortest;
 * a tensor is hundreds of thousands of values. This is Raffaello Giulietti's Schubfach ("The Schubfach way to
 * render doubles", 2020), the algorithm of Java 19's {@code Float.toString}, in its float form: the float's
 * rounding interval is scaled by {@code 10^-k} with one 64-bit approximation of that power (computed below from
 * {@link BigInteger}) and one 64x64-bit multiply whose discarded low bits are kept as a sticky odd bit (round to
 * odd), which the paper shows is exact enough to pick the right digits among at most four candidates.
 *
 * <p>Checked once, while written, against {@code Float.toString} of Java 25 on every finite float (all
 * 4,278,190,080 finite bit patterns, both signs: identical text) with a throwaway program run as
 * {@code java -cp <classes of FloatText and the checker> AllFloats 2} (two threads); the unit tests check
 * samples, exponent boundaries and the layout on Java 17. Stateless and thread-safe.
 *
 * <p>It is the one float-to-text conversion of the JSON codec: {@link TensorJsonWriter} writes FP32 (and FP16/BF16
 * widened to float) with it, for every protocol.
 */
public final class FloatText {
  /** The longest output: sign, nine digits, point, {@code E-45}. */
  public static final int MAX_CHARS = 16;

  private static final int SIGNIFICAND_BITS = 23; // stored; the hidden bit makes 24
  private static final int EXPONENT_MASK = 0xFF;
  /** The binary exponent {@code q} of the smallest float, {@code 2^q} its unit. */
  private static final int Q_MIN = -149;
  private static final int Q_MAX = 104;
  private static final int C_MIN = 1 << SIGNIFICAND_BITS;
  /**
   * Subnormal significands below this scale by {@code 10^-k} to one digit only, and Java wants two: they are
   * taken ten times larger with the decimal exponent one less. ({@code 2^-149 * 10^45} is 1.4, so 8 is the first
   * significand that reaches 10.)
   */
  private static final int C_TINY = 8;
  /** The decimal exponents k that occur: those of {@code 2^Q_MIN} and {@code 2^Q_MAX}. */
  private static final int K_MIN = floorLog10Pow2(Q_MIN);
  private static final int K_MAX = floorLog10Pow2(Q_MAX);
  /**
   * {@code G[k - K_MIN]}: {@code 10^-k} as a 63-bit integer from above, {@code floor(10^-k * 2^(62 - e)) + 1} with
   * {@code e = floor(log2(10^-k))}, so that {@code 2^62 < G <= 2^63 - 1}.
   */
  private static final long[] G = new long[K_MAX - K_MIN + 1];
  private static final long LOW_32 = 0xFFFF_FFFFL;

  static {
    for (int k = K_MIN; k <= K_MAX; k++) {
      int shift = 62 - floorLog2Pow10(-k);
      BigInteger scaled = k <= 0
          ? shift(BigInteger.TEN.pow(-k), shift)
          : BigInteger.ONE.shiftLeft(shift).divide(BigInteger.TEN.pow(k)); // shift > 0 here: 10^-k < 1
      G[k - K_MIN] = scaled.add(BigInteger.ONE).longValueExact();
    }
  }

  private FloatText() {}

  private static BigInteger shift(BigInteger v, int left) {
    return left >= 0 ? v.shiftLeft(left) : v.shiftRight(-left);
  }

  /**
   * The text of a finite float, as {@link #write} writes it.
   *
   * @param v a finite float
   * @return the text Java 19's {@code Float.toString} gives: the shortest decimal that reads back as {@code v}
   * @throws IllegalArgumentException for NaN and the infinities
   */
  public static String toString(float v) {
    byte[] out = new byte[MAX_CHARS];
    return new String(out, 0, write(v, out, 0), java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes {@code v} at {@code out[pos]} and returns the position after it; {@code out} needs
   * {@link #MAX_CHARS} free. Only for finite values: NaN and the infinities have no digits.
   *
   * @param v a finite float
   * @param out where the ASCII text goes
   * @param pos the index of the text's first byte in {@code out}
   * @return the index just after the text's last byte
   * @throws IllegalArgumentException for NaN and the infinities
   */
  public static int write(float v, byte[] out, int pos) {
    int bits = Float.floatToRawIntBits(v);
    int t = bits & (C_MIN - 1);
    int bq = (bits >>> SIGNIFICAND_BITS) & EXPONENT_MASK;
    if (bq == EXPONENT_MASK) {
      throw new IllegalArgumentException("not a finite float: " + v);
    }
    if (bits < 0) {
      out[pos++] = '-';
    }
    if (bq != 0) {
      int q = Q_MIN - 1 + bq;
      int c = C_MIN | t;
      if (q < 0 && q > -SIGNIFICAND_BITS - 1) {
        // An integer below 2^24 is its own shortest decimal: its unit is below 1, so no other integer reads back.
        int f = c >> -q;
        if (f << -q == c) {
          return text(f, 0, out, pos);
        }
      }
      return shortest(q, c, 0, out, pos);
    }
    if (t != 0) {
      return t < C_TINY ? shortest(Q_MIN, 10 * t, -1, out, pos) : shortest(Q_MIN, t, 0, out, pos);
    }
    out[pos] = '0';
    out[pos + 1] = '.';
    out[pos + 2] = '0';
    return pos + 3;
  }

  /**
   * Writes the decimal Java picks for {@code c * 2^q}, whose digits are to be reported at exponent {@code k + dk}
   * ({@code dk} is -1 for a tiny subnormal taken ten times larger).
   */
  private static int shortest(int q, int c, int dk, byte[] out, int pos) {
    int even = 1 - (c & 1); // round-half-even reads the interval's ends back to this float when c is even
    long cb = (long) c << 2; // the float and the ends of its rounding interval, in quarter units of 2^q
    long cbr = cb + 2;
    long cbl;
    int k;
    if (c != C_MIN || q == Q_MIN) {
      cbl = cb - 2;
      k = floorLog10Pow2(q);
    } else {
      // At a power of two the float below is half as far away as the float above.
      cbl = cb - 1;
      k = floorLog10ThreeQuartersPow2(q);
    }
    int h = q + floorLog2Pow10(-k) + 33; // makes the products below 4 * value * 10^-k
    long g = G[k - K_MIN];
    long vb = roundToOdd(g, cb << h);
    long vbl = roundToOdd(g, cbl << h);
    long vbr = roundToOdd(g, cbr << h);
    long s = vb >> 2; // the value's digits at 10^k, truncated; the interval is at most 10 of them wide
    if (s >= 100) {
      // One digit fewer first: at most one multiple of ten lies in the interval.
      long sp = s / 10;
      boolean upIn = vbl + 1 - even <= sp * 40;
      boolean wpIn = (sp + 1) * 40 + 1 - even <= vbr;
      if (upIn != wpIn) {
        return text((int) (upIn ? sp : sp + 1), k + dk + 1, out, pos);
      }
    }
    long u = s + 1;
    boolean sIn = vbl + 1 - even <= s << 2;
    boolean uIn = (u << 2) + 1 - even <= vbr;
    if (sIn != uIn) {
      return text((int) (sIn ? s : u), k + dk, out, pos);
    }
    // Both read back: the closer one, the even one on a tie.
    long cmp = vb - ((s + u) << 1);
    return text((int) (cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : u), k + dk, out, pos);
  }

  /** {@code g * cp / 2^95} truncated, with its lowest bit set when anything was cut off (round to odd). */
  private static long roundToOdd(long g, long cp) {
    long high = Math.multiplyHigh(g, cp);
    return high >>> 31 | ((high & LOW_32) + LOW_32) >>> 32;
  }

  /**
   * Writes {@code f * 10^e} ({@code 0 < f < 10^9}) in Float.toString's layout. The digits are written as nine (f
   * without its trailing zeros, scaled up) at fixed places, and the end is computed from the number of
   * significant digits, so that each layout is a fixed sequence of stores with no scan of what was written.
   */
  private static int text(int f, int e, byte[] out, int pos) {
    while (f % 10 == 0) { // rare: the one-digit-fewer case has dropped its zero already
      f /= 10;
      e++;
    }
    int length = decimalLength(f);
    int exp = e + length - 1; // the exponent of scientific notation
    int nine = f * POW10[9 - length];
    if (exp >= 0 && exp < 7) {
      // d..d.d..: the nine digits one place to the right, then the whole part moved left over the gap.
      writeNine(nine, out, pos + 1);
      for (int i = 0; i <= exp; i++) {
        out[pos + i] = out[pos + i + 1];
      }
      out[pos + exp + 1] = '.';
      return pos + 1 + Math.max(length, exp + 2); // "1200.0": one zero after the point at least
    }
    if (exp < 0 && exp >= -3) {
      // 0.00d..d
      out[pos] = '0';
      out[pos + 1] = '.';
      out[pos + 2] = '0';
      out[pos + 3] = '0';
      int first = pos + 1 - exp;
      writeNine(nine, out, first);
      return first + length;
    }
    // d.d..E[-]x[x]
    writeNine(nine, out, pos + 1);
    out[pos] = out[pos + 1];
    out[pos + 1] = '.';
    pos += 1 + Math.max(length, 2); // "1.0E10": one digit after the point at least
    out[pos++] = 'E';
    if (exp < 0) {
      out[pos++] = '-';
      exp = -exp;
    }
    if (exp >= 10) {
      int tens = exp / 10;
      out[pos++] = (byte) ('0' + tens);
      exp -= 10 * tens;
    }
    out[pos++] = (byte) ('0' + exp);
    return pos;
  }

  /** {@code v}, below 10^9, as exactly nine digits at {@code out[pos]}: one, then eight in one word. */
  private static void writeNine(int v, byte[] out, int pos) {
    int first = v / 100_000_000;
    out[pos] = (byte) ('0' + first);
    LongText.eight(v - first * 100_000_000, out, pos + 1);
  }

  private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
      1_000_000_000};

  private static int decimalLength(int v) {
    // At most nine digits: the digits come from a value below 2^28.
    return v >= 100_000_000 ? 9 : v >= 10_000_000 ? 8 : v >= 1_000_000 ? 7 : v >= 100_000 ? 6
        : v >= 10_000 ? 5 : v >= 1_000 ? 4 : v >= 100 ? 3 : v >= 10 ? 2 : 1;
  }

  // Exponent conversions by fixed-point multiplication and arithmetic shift (a floor for negative arguments too).
  // The constants are log10(2), log10(3/4) and log2(10) times 2^41, 2^41 and 2^38; the unit test checks each
  // function exactly over the exponents this class uses.

  /** {@code floor(q * log10(2))}. */
  static int floorLog10Pow2(int q) {
    return (int) (q * 661_971_961_083L >> 41);
  }

  /** {@code floor(log10(3/4 * 2^q))}. */
  static int floorLog10ThreeQuartersPow2(int q) {
    return (int) (q * 661_971_961_083L - 274_743_187_321L >> 41);
  }

  /** {@code floor(k * log2(10))}. */
  static int floorLog2Pow10(int k) {
    return (int) (k * 913_124_641_741L >> 38);
  }
}
