package io.inferlink.testcontainers.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Reading the selection, and the -D route a user takes on the command line. */
class MatrixSelectionTest {

  @Test
  void aListSelectsItsTrimmedNamesOnly() {
    MatrixSelection selection = MatrixSelection.parse(" triton, kserve ,,", "inferlink.matrix");

    assertTrue(selection.selects("triton"));
    assertTrue(selection.selects("kserve"));
    assertFalse(selection.selects("mlserver"));
    assertFalse(selection.selects("Triton"), "names are matched exactly");
    assertEquals("'mlserver' is not selected by inferlink.matrix=triton, kserve ,,", selection.skipReason("mlserver"));
  }

  @Test
  void nothingOrBlankSelectsEverything() {
    assertTrue(MatrixSelection.parse("", "INFERENCE_MATRIX").selects("any"));
    assertTrue(MatrixSelection.parse(" , ", "INFERENCE_MATRIX").selects("any"));
  }

  @Test
  void aSystemPropertySelectsWhenNoConfigurationParameterIsGiven() {
    String before = System.getProperty(InferenceMatrix.SELECTION_PROPERTY);
    System.setProperty(InferenceMatrix.SELECTION_PROPERTY, "b");
    MatrixLifecycleTest.A.reset();
    MatrixLifecycleTest.B.reset();
    EngineExecutionResults results;
    try {
      results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(MatrixLifecycleTest.TwoServers.class))
          .execute();
    } finally {
      if (before == null) {
        System.clearProperty(InferenceMatrix.SELECTION_PROPERTY);
      } else {
        System.setProperty(InferenceMatrix.SELECTION_PROPERTY, before);
      }
    }

    results.testEvents().assertStatistics(s -> s.succeeded(2).skipped(2));
    assertEquals(0, MatrixLifecycleTest.A.starts());
    assertEquals(List.of("[a] (not started) -> 'a' is not selected by inferlink.matrix=b",
        "[a] (not started) -> 'a' is not selected by inferlink.matrix=b"), Fixtures.skips(results.testEvents()));
  }
}
