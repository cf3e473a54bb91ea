package io.inferlink.emulator.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferlink.emulator.Emulator;
import org.junit.jupiter.api.Test;

/** Floats written as TF Serving's WriteDecimal writes them (PROTOCOLS.md §1.7). */
class TfsDecimalTest {

  @Test
  void sixSignificantDigitsWhenTheyReadBackExactly() {
    assertEquals("3.0", TfsDecimal.format(3f));
    assertEquals("9e+06", TfsDecimal.format(9_000_000f));
    assertEquals("3e-05", TfsDecimal.format(0.00003f));
    assertEquals("0.1", TfsDecimal.format(0.1f));
    assertEquals("100000.0", TfsDecimal.format(100_000f));
    assertEquals("1e+06", TfsDecimal.format(1_000_000f));
    assertEquals("0.0001", TfsDecimal.format(0.0001f));
    assertEquals("-2.75", TfsDecimal.format(-2.75f));
    assertEquals("-0.0", TfsDecimal.format(-0f));
    assertEquals("1.4013e-45", TfsDecimal.format(Float.MIN_VALUE));
  }

  @Test
  void maxDigits10WhenSixDigitsDoNotReadBack() {
    assertEquals("0.333333343", TfsDecimal.format(1f / 3));
    assertEquals("123456.703", TfsDecimal.format(123456.7f));
    assertEquals("16777216.0", TfsDecimal.format(16_777_216f));
    assertEquals("3.40282347e+38", TfsDecimal.format(Float.MAX_VALUE));
    assertEquals("999999.5", TfsDecimal.format(999_999.5f));
    assertEquals("0.33333333333333331", TfsDecimal.format(1.0 / 3));
    assertEquals("0.1", TfsDecimal.format(0.1));
    assertEquals("1e+300", TfsDecimal.format(1e300));
  }

  @Test
  void nonFiniteValuesAreBareWords() {
    assertEquals("NaN", TfsDecimal.format(Float.NaN));
    assertEquals("Infinity", TfsDecimal.format(Float.POSITIVE_INFINITY));
    assertEquals("-Infinity", TfsDecimal.format(Double.NEGATIVE_INFINITY));
  }

  @Test
  void theWireCarriesTheSameText() {
    try (Emulator emulator = Emulator.builder().frontend(new TfServingRestFrontend()).build().start()) {
      TfsClient tfs = new TfsClient("http://127.0.0.1:" + emulator.port(TfServingRestFrontend.PROTOCOL));
      String body = tfs.post("/v1/models/identity:predict",
          "{\"inputs\": {\"x\": [3, 9000000, 0.00003, 0.1, NaN], \"x_fp64\": [0.1, 3, 1e300]}}").body();
      String compact = body.replaceAll("\\s", "");
      assertEquals("{\"outputs\":{\"x\":[3.0,9e+06,3e-05,0.1,NaN],\"x_fp64\":[0.1,3.0,1e+300]}}", compact);
    }
  }
}
