package io.inferlink.half;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link HalfFloats} against reference values computed straight from the format
 * definitions (sign x 2^exponent x significand via {@link Math#scalb}), never through the code
 * under test.
 */
class HalfFloatsTest {

  // ------------------------------------------------------------------ references

  /** The value of a binary16 pattern from the IEEE 754 definition; NaN for NaN patterns. */
  private static double fp16Reference(int bits) {
    double sign = (bits & 0x8000) != 0 ? -1.0 : 1.0;
    int e = (bits >>> 10) & 0x1F;
    int m = bits & 0x3FF;
    if (e == 0x1F) {
      return m == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
    }
    if (e == 0) {
      return sign * Math.scalb(m / 1024.0, -14);
    }
    return sign * Math.scalb(1.0 + m / 1024.0, e - 15);
  }

  /** The value of a bfloat16 pattern from its definition (binary32 layout, 7 mantissa bits). */
  private static double bf16Reference(int bits) {
    double sign = (bits & 0x8000) != 0 ? -1.0 : 1.0;
    int e = (bits >>> 7) & 0xFF;
    int m = bits & 0x7F;
    if (e == 0xFF) {
      return m == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
    }
    if (e == 0) {
      return sign * Math.scalb(m / 128.0, -126);
    }
    return sign * Math.scalb(1.0 + m / 128.0, e - 127);
  }

  private static void assertSameFloat(double expected, float actual, String what) {
    // Bit comparison so that -0.0 and +0.0 are told apart.
    assertEquals(Float.floatToIntBits((float) expected), Float.floatToIntBits(actual), what);
  }

  private static String hex(int bits) {
    return String.format("0x%04X", bits & 0xFFFF);
  }

  // ------------------------------------------------------------------ full sweeps

  @Test
  void everyFp16PatternWidensExactlyAndNarrowsBack() {
    int nanCount = 0;
    for (int bits = 0; bits < 0x10000; bits++) {
      float f = HalfFloats.fp16ToFloat((short) bits);
      double expected = fp16Reference(bits);
      String what = "fp16 " + hex(bits);
      if (Double.isNaN(expected)) {
        nanCount++;
        assertTrue(Float.isNaN(f), what + " must widen to NaN");
        int back = HalfFloats.floatToFp16(f) & 0xFFFF;
        assertEquals(0x7C00, back & 0x7C00, what + " must come back with an all-ones exponent");
        assertTrue((back & 0x03FF) != 0, what + " must come back as NaN, not infinity");
        assertEquals(bits & 0x8000, back & 0x8000, what + " sign");
        // Documented behaviour: the payload survives, signalling NaNs come back quiet.
        assertEquals(bits | 0x0200, back, what + " payload");
      } else {
        assertSameFloat(expected, f, what);
        assertEquals(hex(bits), hex(HalfFloats.floatToFp16(f)), what + " round trip");
      }
    }
    assertEquals(2 * 1023, nanCount);
  }

  @Test
  void everyBf16PatternWidensExactlyAndNarrowsBack() {
    int nanCount = 0;
    for (int bits = 0; bits < 0x10000; bits++) {
      float f = HalfFloats.bf16ToFloat((short) bits);
      double expected = bf16Reference(bits);
      String what = "bf16 " + hex(bits);
      if (Double.isNaN(expected)) {
        nanCount++;
        assertTrue(Float.isNaN(f), what + " must widen to NaN");
        int back = HalfFloats.floatToBf16(f) & 0xFFFF;
        assertEquals(0x7F80, back & 0x7F80, what + " must come back with an all-ones exponent");
        assertTrue((back & 0x007F) != 0, what + " must come back as NaN, not infinity");
        assertEquals(bits | 0x0040, back, what + " payload kept, quiet bit forced");
      } else {
        assertSameFloat(expected, f, what);
        assertEquals(hex(bits), hex(HalfFloats.floatToBf16(f)), what + " round trip");
      }
    }
    assertEquals(2 * 127, nanCount);
  }

  // ------------------------------------------------------------------ FP16 rounding

  private static int fp16(double value) {
    return HalfFloats.floatToFp16((float) value) & 0xFFFF;
  }

  @Test
  void fp16TiesGoToEvenAndNeighboursToNearest() {
    double ulp = 0x1p-10; // spacing of binary16 in [1, 2)
    assertEquals(0x3C00, fp16(1.0));
    assertEquals(0x3C00, fp16(1.0 + ulp / 2), "tie between 0x3C00 and 0x3C01 goes to even 0x3C00");
    assertEquals(0x3C02, fp16(1.0 + 3 * ulp / 2), "tie between 0x3C01 and 0x3C02 goes to even 0x3C02");
    assertEquals(0x3C01, HalfFloats.floatToFp16(Math.nextUp((float) (1.0 + ulp / 2))) & 0xFFFF);
    assertEquals(0x3C00, HalfFloats.floatToFp16(Math.nextDown((float) (1.0 + ulp / 2))) & 0xFFFF);
    assertEquals(0x3C01, HalfFloats.floatToFp16(Math.nextDown((float) (1.0 + 3 * ulp / 2))) & 0xFFFF);
    assertEquals(0x3C02, HalfFloats.floatToFp16(Math.nextUp((float) (1.0 + 3 * ulp / 2))) & 0xFFFF);
    // A carry out of the mantissa moves to the next binade: just under 2 rounds to 2.0 (0x4000).
    assertEquals(0x4000, fp16(2.0 - ulp / 4));
    assertEquals(0xBC00, fp16(-1.0 - ulp / 2), "negative ties go to even too");
  }

  @Test
  void fp16Subnormals() {
    double tiny = 0x1p-24; // smallest positive subnormal
    assertEquals(0x0001, fp16(tiny));
    assertEquals(0x0000, fp16(tiny / 2), "half the smallest subnormal ties to even zero");
    assertEquals(0x8000, fp16(-tiny / 2), "and keeps its sign");
    assertEquals(0x0001, HalfFloats.floatToFp16(Math.nextUp((float) (tiny / 2))) & 0xFFFF);
    assertEquals(0x0000, HalfFloats.floatToFp16(Math.nextDown((float) (tiny / 2))) & 0xFFFF);
    assertEquals(0x0002, fp16(1.5 * tiny), "tie between 1 and 2 ulps goes to 2");
    assertEquals(0x0002, fp16(2.5 * tiny), "tie between 2 and 3 ulps goes to 2");
    assertEquals(0x03FF, fp16(1023 * tiny), "largest subnormal");
    assertEquals(0x0400, fp16(1023.5 * tiny), "tie between largest subnormal and smallest normal");
    assertEquals(0x0400, fp16(0x1p-14), "smallest normal");
    assertEquals(0x0000, HalfFloats.floatToFp16(Float.MIN_VALUE) & 0xFFFF);
    assertEquals(0x8000, HalfFloats.floatToFp16(-Float.MIN_VALUE) & 0xFFFF);
  }

  @Test
  void fp16OverflowAndSpecials() {
    assertEquals(0x7BFF, fp16(65504), "largest finite");
    assertEquals(0x7BFF, HalfFloats.floatToFp16(65519.99f) & 0xFFFF);
    assertEquals(0x7BFF, HalfFloats.floatToFp16(Math.nextDown(65520f)) & 0xFFFF);
    assertEquals(0x7C00, fp16(65520), "65520 is the tie that rounds up to infinity");
    assertEquals(0xFC00, fp16(-65520));
    assertEquals(0x7C00, HalfFloats.floatToFp16(Float.MAX_VALUE) & 0xFFFF);
    assertEquals(0x7C00, HalfFloats.floatToFp16(Float.POSITIVE_INFINITY) & 0xFFFF);
    assertEquals(0xFC00, HalfFloats.floatToFp16(Float.NEGATIVE_INFINITY) & 0xFFFF);
    assertEquals(0x0000, HalfFloats.floatToFp16(0.0f) & 0xFFFF);
    assertEquals(0x8000, HalfFloats.floatToFp16(-0.0f) & 0xFFFF);
    assertEquals(0x7E00, HalfFloats.floatToFp16(Float.NaN) & 0xFFFF);
    assertEquals(0xFE00, HalfFloats.floatToFp16(Float.intBitsToFloat(0xFFC00000)) & 0xFFFF);
    int lowPayloadNan = HalfFloats.floatToFp16(Float.intBitsToFloat(0x7F800001)) & 0xFFFF;
    assertTrue((lowPayloadNan & 0x7C00) == 0x7C00 && (lowPayloadNan & 0x3FF) != 0,
        "a NaN with only low payload bits must stay NaN, got " + hex(lowPayloadNan));
    assertEquals(Float.POSITIVE_INFINITY, HalfFloats.fp16ToFloat((short) 0x7C00));
    assertEquals(Float.NEGATIVE_INFINITY, HalfFloats.fp16ToFloat((short) 0xFC00));
    assertEquals(65504f, HalfFloats.fp16ToFloat((short) 0x7BFF));
  }

  // ------------------------------------------------------------------ BF16 rounding

  private static int bf16(float value) {
    return HalfFloats.floatToBf16(value) & 0xFFFF;
  }

  @Test
  void bf16TiesGoToEvenAndNeighboursToNearest() {
    float ulp = 0x1p-7f; // spacing of bfloat16 in [1, 2)
    assertEquals(0x3F80, bf16(1f));
    assertEquals(0x3F80, bf16(1f + ulp / 2), "tie goes to even 0x3F80");
    assertEquals(0x3F82, bf16(1f + 3 * ulp / 2), "tie goes to even 0x3F82");
    assertEquals(0x3F81, bf16(Math.nextUp(1f + ulp / 2)));
    assertEquals(0x3F80, bf16(Math.nextDown(1f + ulp / 2)));
    assertEquals(0x3F81, bf16(Math.nextDown(1f + 3 * ulp / 2)));
    assertEquals(0xBF82, bf16(-1f - 3 * ulp / 2));
    assertEquals(0x4000, bf16(2f - ulp / 4), "carry into the next binade");
    // Subnormal floats round on the same bits.
    assertEquals(0x0000, bf16(Float.intBitsToFloat(0x00008000)), "tie to even zero");
    assertEquals(0x0002, bf16(Float.intBitsToFloat(0x00018000)), "tie to even 2");
    assertEquals(0x0001, bf16(Float.intBitsToFloat(0x00008001)));
  }

  @Test
  void bf16OverflowAndSpecials() {
    assertEquals(0x7F7F, bf16(Float.intBitsToFloat(0x7F7F7FFF)), "just under the tie stays finite");
    assertEquals(0x7F80, bf16(Float.intBitsToFloat(0x7F7F8000)), "tie above the largest finite rounds to infinity");
    assertEquals(0x7F80, bf16(Float.MAX_VALUE));
    assertEquals(0xFF80, bf16(-Float.MAX_VALUE));
    assertEquals(0x7F80, bf16(Float.POSITIVE_INFINITY));
    assertEquals(0xFF80, bf16(Float.NEGATIVE_INFINITY));
    assertEquals(0x8000, bf16(-0.0f));
    assertEquals(0x0000, bf16(0.0f));
    assertEquals(0x7FC0, bf16(Float.NaN));
    assertEquals(0x7FC0, bf16(Float.intBitsToFloat(0x7F800001)), "low-payload NaN must not become infinity");
    assertEquals(0xFFFF, bf16(Float.intBitsToFloat(0xFFFFFFFF)), "all-ones NaN is truncated, never rounded into the sign");
    assertEquals(0x7FFF, bf16(Float.intBitsToFloat(0x7FFFFFFF)), "the top payload bits are kept");
    assertEquals(1.0f, HalfFloats.bf16ToFloat((short) 0x3F80));
  }

  // ------------------------------------------------------------------ randomized nearest-even

  /**
   * Reference magnitudes of patterns 0..top; the pattern {@code top} (infinity) is given the value
   * its exponent would have if it were not reserved, so nearest-even over the table also
   * reproduces overflow to infinity.
   */
  private static double[] magnitudes(boolean fp16) {
    int top = fp16 ? 0x7C00 : 0x7F80;
    double[] table = new double[top + 1];
    for (int bits = 0; bits < top; bits++) {
      table[bits] = fp16 ? fp16Reference(bits) : bf16Reference(bits);
    }
    table[top] = fp16 ? 65536.0 : 0x1p128;
    return table;
  }

  /** The nearest table entry to {@code magnitude}, ties to the even pattern, found by search. */
  private static int nearestEven(double[] table, double magnitude) {
    int top = table.length - 1;
    if (magnitude >= table[top]) {
      return top;
    }
    int i = Arrays.binarySearch(table, magnitude);
    if (i >= 0) {
      return i;
    }
    int above = -i - 1; // table[above - 1] < magnitude < table[above]
    int below = above - 1;
    double down = magnitude - table[below];
    double up = table[above] - magnitude;
    if (down != up) {
      return down < up ? below : above;
    }
    return (below & 1) == 0 ? below : above;
  }

  private static void checkRandom(boolean fp16) {
    double[] table = magnitudes(fp16);
    SplittableRandom random = new SplittableRandom(20240601L);
    int top = table.length - 1;
    for (int n = 0; n < 1_000_000; n++) {
      float x;
      switch (n % 3) {
        case 0: // any float
          x = Float.intBitsToFloat(random.nextInt());
          break;
        case 1: { // exactly half-way between two neighbours, where rounding is hardest
          int k = random.nextInt(top);
          x = (float) ((table[k] + table[k + 1]) / 2);
          if (random.nextBoolean()) {
            x = -x;
          }
          break;
        }
        default: { // dense in the interesting exponent range
          int lo = fp16 ? 0x32000000 : 0x00000000;
          int hi = fp16 ? 0x47A00000 : 0x7F800000;
          x = Float.intBitsToFloat(lo + random.nextInt(hi - lo) | (random.nextBoolean() ? 0x80000000 : 0));
        }
      }
      if (Float.isNaN(x)) {
        continue;
      }
      int expected = nearestEven(table, Math.abs((double) x)) | (Float.floatToRawIntBits(x) < 0 ? 0x8000 : 0);
      int actual = (fp16 ? HalfFloats.floatToFp16(x) : HalfFloats.floatToBf16(x)) & 0xFFFF;
      if (expected != actual) {
        assertEquals(hex(expected), hex(actual), (fp16 ? "fp16" : "bf16") + " of " + x + " (bits "
            + Integer.toHexString(Float.floatToRawIntBits(x)) + ")");
      }
    }
  }

  @Test
  void randomFloatsNarrowToTheNearestFp16() {
    checkRandom(true);
  }

  @Test
  void randomFloatsNarrowToTheNearestBf16() {
    checkRandom(false);
  }
}
