package io.inferlink.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelNotFoundException;
import io.inferlink.Tensor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parity runs one request on several clients and reports every difference readably. */
class ParityTest {
  private static final InferenceRequest REQUEST = InferenceRequest.builder("m")
      .input(Tensor.ofFloats("x", new float[] {1}, 1)).build();

  @Test
  void identicalAnswersMatchAndEveryClientIsCalledOnce() {
    StubClient a = StubClient.answering(Tensor.ofFloats("y", new float[] {1, 2, Float.NaN}, 3),
        Tensor.ofStrings("label", new String[] {"setosa"}, 1));
    StubClient b = StubClient.answering(Tensor.ofFloats("y", new float[] {1, 2, Float.NaN}, 3),
        Tensor.ofStrings("label", new String[] {"setosa"}, 1));
    ParityReport report = Parity.builder().client("a", a).client("b", b).build().run(REQUEST);
    assertTrue(report.matches(), report.format());
    assertEquals(2, report.comparisons().size());
    assertEquals(0.0, report.comparisons().get(0).maxAbsDiff());
    assertEquals(1, a.calls.get());
    assertEquals(1, b.calls.get());
    report.assertMatches();
    Parity.assertSameOutputs(REQUEST, a, b);
  }

  @Test
  void aSmallDifferenceFailsExactlyButPassesWithinTolerance() {
    StubClient a = StubClient.answering(Tensor.ofFloats("y", new float[] {1f, 2f, 4f}, 3));
    StubClient b = StubClient.answering(Tensor.ofFloats("y", new float[] {1f, 2.5f, 4f}, 3));
    ParityReport exact = Parity.builder().client("a", a).client("b", b).build().run(REQUEST);
    assertFalse(exact.matches());
    OutputComparison c = exact.comparisons().get(0);
    assertEquals(0.5, c.maxAbsDiff(), 1e-12);
    assertEquals(0.25, c.maxRelDiff(), 1e-12);
    assertEquals(1, c.mismatches());
    assertEquals("at [1]: 2.5 vs 2.0", c.firstMismatch());
    AssertionError e = assertThrows(AssertionError.class, exact::assertMatches);
    assertTrue(e.getMessage().contains("y: b vs a: FP32 [3] = FP32 [3], max abs 0.5, max rel 0.25, 1 element differs,"
        + " first at [1]: 2.5 vs 2.0: MISMATCH"), e.getMessage());
    assertTrue(e.getMessage().contains("1 of 1 output comparisons did not match"), e.getMessage());

    assertTrue(Parity.builder().client("a", a).client("b", b).tolerance(Tolerance.absolute(0.5)).build()
        .run(REQUEST).matches());
    assertTrue(Parity.builder().client("a", a).client("b", b).tolerance(Tolerance.relative(0.25)).build()
        .run(REQUEST).matches());
    assertFalse(Parity.builder().client("a", a).client("b", b).tolerance(Tolerance.relative(0.24)).build()
        .run(REQUEST).matches());
  }

  @Test
  void dtypeAndShapeDifferencesAreMismatchesEvenWithEqualValues() {
    StubClient fp32 = StubClient.answering(Tensor.ofFloats("y", new float[] {1, 2}, 2));
    StubClient fp64 = StubClient.answering(Tensor.ofDoubles("y", new double[] {1, 2}, 2));
    StubClient reshaped = StubClient.answering(Tensor.ofFloats("y", new float[] {1, 2}, 1, 2));
    ParityReport report = Parity.builder().client("fp32", fp32).client("fp64", fp64).client("2d", reshaped).build()
        .run(REQUEST);
    assertFalse(report.matches());
    OutputComparison types = report.comparisons().get(0);
    assertFalse(types.dtypeEqual());
    assertTrue(types.shapeEqual());
    assertEquals(0, types.mismatches(), "the values themselves agree");
    OutputComparison shapes = report.comparisons().get(1);
    assertTrue(shapes.dtypeEqual());
    assertFalse(shapes.shapeEqual());
    assertTrue(report.format().contains("element types differ"), report.format());
    assertTrue(report.format().contains("shapes differ"), report.format());

    ParityReport lenient = Parity.builder().client("fp32", fp32).client("fp64", fp64).requireSameDtype(false).build()
        .run(REQUEST);
    assertTrue(lenient.matches(), lenient.format());
  }

  @Test
  void bytesAreComparedExactlyAndMissingOutputsAreNamed() {
    StubClient a = StubClient.answering(Tensor.ofStrings("label", new String[] {"setosa", "virginica"}, 2),
        Tensor.ofFloats("scores", new float[] {1}, 1));
    StubClient b = StubClient.answering(Tensor.ofStrings("label", new String[] {"setosa", "versicolor"}, 2));
    ParityReport report = Parity.builder().client("a", a).client("b", b).tolerance(Tolerance.absolute(100)).build()
        .run(REQUEST);
    assertFalse(report.matches());
    assertEquals("at [1]: \"versicolor\" vs \"virginica\"", report.comparisons().get(0).firstMismatch());
    assertEquals("missing from b", report.comparisons().get(1).problem());
    assertEquals(2, report.mismatches().size());
  }

  @Test
  void failedAndSilentServersAreReportedAndCancelled() {
    StubClient ok = StubClient.answering(Tensor.ofFloats("y", new float[] {1}, 1));
    StubClient missing = StubClient.failing(new ModelNotFoundException("model 'm' not found"));
    StubClient silent = StubClient.hanging();
    ParityReport report = Parity.builder().client("ok", ok).client("missing", missing).client("silent", silent)
        .wait(Duration.ofMillis(200)).build().run(REQUEST);
    assertFalse(report.allSucceeded());
    assertFalse(report.matches());
    assertTrue(report.calls().get(1).errorLine().contains("ModelNotFoundException: model 'm' not found"));
    assertTrue(report.calls().get(2).errorLine().contains("no answer within"));
    assertTrue(silent.last.isCancelled(), "the silent call is cancelled, not left running");
    assertTrue(report.format().contains("2 of 3 calls failed"), report.format());
  }

  @Test
  void integersCompareExactlyBeyondDoublePrecision() {
    StubClient a = StubClient.answering(Tensor.ofLongs("n", new long[] {Long.MAX_VALUE}, 1));
    StubClient b = StubClient.answering(Tensor.ofLongs("n", new long[] {Long.MAX_VALUE - 1}, 1));
    ParityReport report = Parity.builder().client("a", a).client("b", b).build().run(REQUEST);
    assertEquals(1, report.comparisons().get(0).mismatches(), "2^63-1 and 2^63-2 are the same double");
    assertTrue(report.format().contains("9223372036854775806 vs 9223372036854775807"), report.format());
  }

  @Test
  void answersAtHandCanBeComparedAndBuildersRefuseNonsense() {
    Map<String, InferenceResponse> responses = new LinkedHashMap<>();
    responses.put("x", InferenceResponse.builder().output(Tensor.ofInts("o", new int[] {3}, 1)).build());
    responses.put("y", InferenceResponse.builder().output(Tensor.ofInts("o", new int[] {4}, 1)).build());
    ParityReport report = Parity.compare("m", responses, Tolerance.absolute(1), true);
    assertTrue(report.matches(), report.format());
    assertEquals(List.of("x", "y"), report.calls().stream().map(ParityCall::label).toList());

    assertThrows(IllegalStateException.class, () -> Parity.builder().client("a", StubClient.hanging()).build());
    assertThrows(IllegalArgumentException.class,
        () -> Parity.builder().client("a", StubClient.hanging()).client("a", StubClient.hanging()));
    assertThrows(IllegalArgumentException.class, () -> Tolerance.absolute(-1));
    assertThrows(IllegalArgumentException.class, () -> new Tolerance(0, Double.NaN));
  }
}
