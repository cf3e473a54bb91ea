package io.inferlink.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The isclose rule, and the special values a faithful server passes through. */
class ToleranceTest {

  @Test
  void absoluteAndRelativeAddUpAsInNumpyIsclose() {
    Tolerance t = new Tolerance(0.1, 0.01);
    assertTrue(t.accepts(100.0 + 1.1, 100.0), "0.1 + 0.01 * 100 = 1.1");
    assertFalse(t.accepts(100.0 + 1.2, 100.0));
    assertTrue(t.accepts(0.1, 0.0));
    assertFalse(t.accepts(0.11, 0.0));
  }

  @Test
  void specialValuesMatchThemselvesOnly() {
    Tolerance loose = Tolerance.absolute(1e9);
    assertTrue(Tolerance.exact().accepts(Double.NaN, Double.NaN));
    assertFalse(loose.accepts(Double.NaN, 1.0));
    assertFalse(loose.accepts(1.0, Double.NaN));
    assertTrue(Tolerance.exact().accepts(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
    assertFalse(loose.accepts(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    assertTrue(Tolerance.exact().accepts(-0.0, 0.0));
  }

  @Test
  void printsReadably() {
    assertEquals("exact", Tolerance.exact().toString());
    assertEquals("abs 1.0E-5, rel 0.0", Tolerance.absolute(1e-5).toString());
  }
}
