package io.inferlink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.testkit.KitModels;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every pipeline completes with the label of its own flower, with many in flight but never more than the window. */
class AsyncPipeliningTest {

  /** The classifier's label for x + 1, computed here from the model's published weights. */
  private static String expectedLabel(float[] x) {
    double[][] w = KitModels.classifierWeights();
    int best = 0;
    double bestLogit = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < w.length; k++) {
      double logit = 0;
      for (int j = 0; j < x.length; j++) {
        logit += w[k][j] * (x[j] + 1f);
      }
      if (logit > bestLogit) {
        best = k;
        bestLogit = logit;
      }
    }
    return KitModels.CLASSES.get(best);
  }

  @Test
  void everyFlowerGetsItsLabelWithManyPipelinesInFlight() {
    Printed printed = new Printed();
    AsyncPipelining.Result result = AsyncPipelining.run(Map.of(), printed.out);
    Map<String, Integer> expected = new TreeMap<>();
    for (int i = 0; i < AsyncPipelining.REQUESTS; i++) {
      expected.merge(expectedLabel(AsyncPipelining.flower(i)), 1, Integer::sum);
    }
    assertEquals(AsyncPipelining.REQUESTS, result.completed());
    assertEquals(expected, result.labelCounts());
    assertTrue(result.maxInFlight() > 1 && result.maxInFlight() <= AsyncPipelining.WINDOW,
        "in flight at most: " + result.maxInFlight());
    assertTrue(printed.text().contains(AsyncPipelining.REQUESTS + " pipelines"), printed.text());
  }
}
