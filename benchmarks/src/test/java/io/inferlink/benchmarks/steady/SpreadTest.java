package io.inferlink.benchmarks.steady;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpreadTest {
  private static final Check RATIO = Check.atLeast("ratio ≥ 0.95", Metric.RATIO, 0.95);
  private static final Check ADDED = Check.atMost("added ≤ 20 µs", Metric.ADDED_P50, 20);

  @Test
  void everyPairOnTheRightSideIsMetAndTheMedianIsTheMiddlePair() {
    Spread s = Spread.of(RATIO, List.of(1.10, 0.96, 1.02));
    assertEquals(Spread.MET, s.verdict());
    assertEquals(1.02, s.median());
    assertEquals(0.96, s.min());
    assertEquals(1.10, s.max());
  }

  @Test
  void pairsOnBothSidesAreUnsettledEvenWhenTheMedianMeetsTheBound() {
    assertEquals(Spread.UNSETTLED, Spread.of(RATIO, List.of(1.10, 0.94, 1.02)).verdict());
    assertEquals(Spread.UNSETTLED, Spread.of(ADDED, List.of(25.0, 3.0, 12.0)).verdict());
  }

  @Test
  void everyPairOnTheWrongSideIsMissed() {
    assertEquals(Spread.MISSED, Spread.of(RATIO, List.of(0.90, 0.80, 0.94)).verdict());
    assertEquals(Spread.MISSED, Spread.of(ADDED, List.of(25.0, 21.0, 80.0)).verdict());
  }

  @Test
  void anEvenNumberOfPairsAveragesTheMiddleTwo() {
    assertEquals(1.5, Spread.of(RATIO, List.of(2.0, 1.0, 1.2, 1.8)).median(), 1e-12);
  }

  @Test
  void aMissingFigureMakesTheCheckNotMeasured() {
    assertEquals(Spread.NOT_MEASURED, Spread.of(RATIO, List.of(1.2, Double.NaN, 1.3)).verdict());
    assertEquals(Spread.NOT_MEASURED, Spread.of(RATIO, List.of()).verdict());
  }

  @Test
  void metricsCompareTheTwoForksOfOnePair() {
    Measured a = new Measured(900, 150, 400, 630_000);
    Measured b = new Measured(1000, 120, 350, Double.NaN);
    assertEquals(0.9, Metric.RATIO.of(a, b, 0), 1e-12);
    assertEquals(30, Metric.ADDED_P50.of(a, b, 0), 1e-12);
    assertEquals(50, Metric.ADDED_P99.of(a, b, 0), 1e-12);
    assertEquals(630_000 / 602_112.0, Metric.ALLOC_PER_PAYLOAD.of(a, b, 602_112), 1e-12);
    assertTrue(Double.isNaN(Metric.ALLOC_PER_PAYLOAD.of(b, a, 602_112)));
  }

  @Test
  void thePageShowsEachCheckWithItsRangeVerdictAndPairs() throws Exception {
    JsonNode comparisons = new ObjectMapper().readTree("""
        [{"title": "V2 gRPC infer vs raw stub", "params": {"shape": "1x3x224x224"},
          "a": "V2GrpcBench.inferlink", "b": "V2GrpcBench.raw_stub",
          "forks": [{"a": {"score": 700, "p50": null, "p99": null, "allocBytesPerOp": 630000},
                     "b": {"score": 720, "p50": null, "p99": null, "allocBytesPerOp": null}}],
          "checks": [{"name": "V2 gRPC ≥ 0.95×", "unit": "×", "atLeast": true, "bound": 0.95,
                      "values": [0.97, 0.93, 1.01], "median": 0.97, "min": 0.93, "max": 1.01,
                      "verdict": "unsettled"}]}]
        """);
    String page = SteadyReport.page("benchmarks/run steady", Map.of("date", "today"), comparisons, 3, "steady.json", "");
    assertTrue(page.contains("## Targets of issue 14: 0 of 1 met, 1 unsettled"), page);
    assertTrue(page.contains("| V2 gRPC ≥ 0.95× | shape=1x3x224x224 | 0.97 × | 0.93 – 1.01 | ≥ 0.95 × | **unsettled** |"
        + " 0.97, 0.93, 1.01 |"), page);
    assertTrue(page.contains("| 1 | 700 | 720 | 630,000 |"), page);
  }
}
