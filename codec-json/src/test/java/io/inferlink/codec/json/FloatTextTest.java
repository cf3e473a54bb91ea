package io.inferlink.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.schubfach.FloatToDecimal;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The float writer: every value reads back to the same float with as few digits as the shortest
 * algorithm Jackson ships (Schubfach), in {@code Float.toString}'s layout. (It was also checked against
 * Java 25's {@code Float.toString} on every finite bit pattern while it was written; see {@link FloatText}.)
 */
class FloatTextTest {
  private static String text(float v) {
    byte[] out = new byte[FloatText.MAX_CHARS];
    return new String(out, 0, FloatText.write(v, out, 0), StandardCharsets.ISO_8859_1);
  }

  @Test
  void layoutFollowsFloatToString() {
    assertEquals("1.0", text(1f));
    assertEquals("0.5", text(0.5f));
    assertEquals("0.1", text(0.1f));
    assertEquals("0.001", text(0.001f));
    assertEquals("9.9999E-4", text(0.00099999f));
    assertEquals("1234567.0", text(1234567f));
    assertEquals("9999999.0", text(9999999f));
    assertEquals("1.0E7", text(1e7f));
    assertEquals("1.2345678E7", text(12345678f));
    assertEquals("-1.5", text(-1.5f));
    assertEquals("0.0", text(0f));
    assertEquals("-0.0", text(-0f));
    assertEquals("65535.0", text(65535f));
    assertEquals("0.12345679", text(0.12345679f));
    assertEquals("3.4028235E38", text(Float.MAX_VALUE));
    // Two digits at least, the closer of those (Java 19+); Java 17's FloatingDecimal writes the same here.
    assertEquals("1.4E-45", text(Float.MIN_VALUE));
    assertEquals("-1.4E-45", text(-Float.MIN_VALUE));
    assertEquals("2.8E-45", text(2 * Float.MIN_VALUE));
    assertEquals("9.8E-45", text(7 * Float.MIN_VALUE)); // the largest tiny subnormal, digits taken ten times larger
    assertEquals("1.1E-44", text(8 * Float.MIN_VALUE)); // the first that has two digits without that
    assertEquals("7.0E-44", text(50 * Float.MIN_VALUE)); // "7E-44" would be shorter: two digits at least
    assertEquals("1.1754944E-38", text(Float.MIN_NORMAL));
    assertEquals("1.1754942E-38", text(Math.nextDown(Float.MIN_NORMAL)));
    assertEquals("0.01", text(0.01f));
    assertEquals("1.0E-4", text(1e-4f));
    assertEquals("100.0", text(100f));
    assertEquals("16777.217", text(16777.216f)); // as Java 19+ writes it: as short, and closer
    assertEquals("1.6777216E7", text(16777216f));
    assertEquals("8388607.5", text(8388607.5f));
    assertEquals("1.0E10", text(1e10f));
    assertEquals("-1.0E-10", text(-1e-10f));
    assertEquals("2.0E-7", text(2e-7f));
    assertEquals("9.999999E-4", text(9.999999e-4f));
  }

  @Test
  void integersBelowTwoToTheTwentyFourAreWrittenExactly() {
    SplittableRandom random = new SplittableRandom(24);
    for (int n = 0; n < 100_000; n++) {
      int i = random.nextInt(1 << 24);
      String expected = i < 10_000_000 ? i + ".0" : null;
      if (expected != null) {
        assertEquals(expected, text(i));
      } else {
        assertEquals((float) i, Float.parseFloat(text(i)), text(i));
      }
    }
  }

  @Test
  void exponentConversionsAreExactOverTheExponentsUsed() {
    // floor(q log10 2) and floor(log10(3/4 2^q)) for every binary exponent of a float (with room), and
    // floor(k log2 10) for every decimal exponent the table covers, against exact integer comparisons.
    for (int q = -200; q <= 200; q++) {
      assertEquals(floorLog10(pow2(q)), FloatText.floorLog10Pow2(q), "q " + q);
      BigDecimal threeQuarters = new BigDecimal("0.75").multiply(pow2(q));
      assertEquals(floorLog10(threeQuarters), FloatText.floorLog10ThreeQuartersPow2(q), "q " + q);
    }
    for (int k = -60; k <= 60; k++) {
      BigDecimal pow = BigDecimal.ONE.scaleByPowerOfTen(k);
      int floorLog2 = 0;
      while (pow2(floorLog2 + 1).compareTo(pow) <= 0) {
        floorLog2++;
      }
      while (pow2(floorLog2).compareTo(pow) > 0) {
        floorLog2--;
      }
      assertEquals(floorLog2, FloatText.floorLog2Pow10(k), "k " + k);
    }
  }

  /** 2^q exactly. */
  private static BigDecimal pow2(int q) {
    BigDecimal p = BigDecimal.valueOf(2).pow(Math.abs(q));
    return q >= 0 ? p : BigDecimal.ONE.divide(p);
  }

  /** floor(log10(x)) of a positive exact decimal. */
  private static int floorLog10(BigDecimal x) {
    return x.precision() - x.scale() - 1;
  }

  @Test
  void randomBitPatternsReadBackExactlyWithTheShortestDigits() {
    SplittableRandom random = new SplittableRandom(8);
    for (int n = 0; n < 1_000_000; n++) {
      float v = Float.intBitsToFloat(random.nextInt());
      if (!Float.isFinite(v)) {
        continue;
      }
      String ours = text(v);
      assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits(Float.parseFloat(ours)), ours);
      assertTrue(significantDigits(ours) <= significantDigits(FloatToDecimal.toString(v)),
          ours + " is longer than " + FloatToDecimal.toString(v));
    }
  }

  @Test
  void boundariesOfEveryBinaryExponentReadBack() {
    for (int exponent = 0; exponent < 255; exponent++) {
      for (int mantissa : new int[] {0, 1, 2, 0x3FFFFF, 0x400000, 0x7FFFFE, 0x7FFFFF}) {
        float v = Float.intBitsToFloat(exponent << 23 | mantissa);
        if (v != 0) {
          assertEquals(v, Float.parseFloat(text(v)), text(v));
        }
      }
    }
  }

  @Test
  void nonFiniteValuesAreTheCallersJob() {
    assertThrows(IllegalArgumentException.class, () -> text(Float.NaN));
    assertThrows(IllegalArgumentException.class, () -> text(Float.POSITIVE_INFINITY));
  }

  private static int significantDigits(String s) {
    String mantissa = s.replace("-", "").split("E")[0].replace(".", "");
    return mantissa.replaceAll("^0+", "").replaceAll("0+$", "").length();
  }
}
