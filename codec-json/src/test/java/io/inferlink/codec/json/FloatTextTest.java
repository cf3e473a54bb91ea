package io.inferlink.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.schubfach.FloatToDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The float writer: every value reads back to the same float with as few digits as the shortest
 * algorithm Jackson ships (Schubfach), in {@code Float.toString}'s layout. (It was also checked
 * against every subnormal and every 13th bit pattern of the whole range while it was written.)
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
    assertEquals("1.0E-45", text(Float.MIN_VALUE)); // shorter than Java 17's 1.4E-45, and reads back the same
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
