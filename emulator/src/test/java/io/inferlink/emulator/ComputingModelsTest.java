package io.inferlink.emulator;

import static io.inferlink.emulator.ScriptCalls.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.Tensor;
import io.inferlink.testkit.KitTensors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in models that compute: identity, add_one, classifier and versioned. */
class ComputingModelsTest {
  private final ModelScript script = ModelScript.builtins();

  @Test
  void identityReturnsEveryInputUnchangedInOrder() {
    List<Tensor> inputs = new ArrayList<>();
    for (DataType dtype : DataType.values()) {
      inputs.add(KitTensors.sample(dtype, dtype.wireName().toLowerCase(java.util.Locale.ROOT)));
    }
    inputs.add(Tensor.ofFloats("scalar", new float[] {1f}));
    inputs.add(Tensor.ofFloats("empty", new float[0], 2, 0));
    assertEquals(inputs, run(script, KitContract.IDENTITY, inputs.toArray(new Tensor[0])));
  }

  @Test
  void addOneAddsOneKeepingTheShape() {
    Tensor y = run(script, KitContract.ADD_ONE, Tensor.ofFloats("x", new float[] {0f, -1f, 2.5f, 1e6f}, 2, 2)).get(0);
    assertEquals("y", y.name());
    assertArrayEquals(new long[] {2, 2}, y.shape());
    assertArrayEquals(new float[] {1f, 0f, 3.5f, 1000001f}, y.toFloatArray());
  }

  @Test
  void addOneNamesTheProblemWithItsInput() {
    ScriptedFailure wrongType = assertThrows(ScriptedFailure.class,
        () -> run(script, KitContract.ADD_ONE, Tensor.ofLongs("x", new long[] {1}, 1)));
    assertEquals(ErrorCode.INVALID_ARGUMENT, wrongType.code());
    assertEquals("add_one: input 'x' must be FP32, got INT64", wrongType.getMessage());
    ScriptedFailure missing = assertThrows(ScriptedFailure.class,
        () -> run(script, KitContract.ADD_ONE, Tensor.ofFloats("z", new float[] {1}, 1)));
    assertEquals(ErrorCode.INVALID_ARGUMENT, missing.code());
    assertTrue(missing.getMessage().contains("missing input 'x'"), missing.getMessage());
    ScriptedFailure extra = assertThrows(ScriptedFailure.class, () -> run(script, KitContract.ADD_ONE,
        Tensor.ofFloats("x", new float[] {1}, 1), Tensor.ofFloats("z", new float[] {1}, 1)));
    assertTrue(extra.getMessage().contains("unexpected input 'z'"), extra.getMessage());
  }

  @Test
  void classifierPicksTheDocumentedClassesAndSoftmaxScores() {
    float[] rows = {5, 1, 0, 0, 0, 3, 1, 0, 1, 2, 3, 4, 0, 0, 0, 0};
    List<Tensor> out = run(script, KitContract.CLASSIFIER, Tensor.ofFloats("x", rows, 4, 4));
    assertEquals(List.of("label", "scores"), out.stream().map(Tensor::name).toList());
    // All-zero logits tie, and a tie goes to the first class.
    assertEquals(List.of("setosa", "versicolor", "virginica", "setosa"), out.get(0).toStringList());
    float[] scores = out.get(1).toFloatArray();
    assertArrayEquals(new long[] {4, 3}, out.get(1).shape());
    // Row 0: logits (5, 1, -1) by the weights in KitContract, worked out by hand.
    double denominator = Math.exp(0) + Math.exp(-4) + Math.exp(-6);
    assertEquals(1 / denominator, scores[0], 1e-6);
    assertEquals(Math.exp(-4) / denominator, scores[1], 1e-6);
    assertEquals(Math.exp(-6) / denominator, scores[2], 1e-6);
    assertEquals(1f / 3, scores[9], 1e-6);
  }

  @Test
  void classifierTakesZeroRowsAndRefusesOtherShapes() {
    List<Tensor> none = run(script, KitContract.CLASSIFIER, Tensor.ofFloats("x", new float[0], 0, 4));
    assertArrayEquals(new long[] {0}, none.get(0).shape());
    assertArrayEquals(new long[] {0, 3}, none.get(1).shape());
    ScriptedFailure f = assertThrows(ScriptedFailure.class,
        () -> run(script, KitContract.CLASSIFIER, Tensor.ofFloats("x", new float[3], 1, 3)));
    assertEquals(ErrorCode.INVALID_ARGUMENT, f.code());
    assertTrue(f.getMessage().contains("[N, 4]"), f.getMessage());
  }

  @Test
  void versionedAnswersWithTheVersionThatRan() {
    Tensor x = Tensor.ofFloats("x", new float[] {1f}, 1);
    for (String[] refAndVersion : new String[][] {{"1", null, "1"}, {"2", null, "2"}, {null, null, "2"},
        {null, "stable", "1"}, {null, "canary", "2"}}) {
      ModelCall call = ModelCall.builder(script.resolve(KitContract.VERSIONED, refAndVersion[0], refAndVersion[1]))
          .input(x).build();
      Tensor version = script.infer(call).get(0);
      assertEquals(DataType.INT64, version.dtype());
      assertArrayEquals(new long[] {1}, version.shape());
      assertEquals(Long.parseLong(refAndVersion[2]), version.getLong(0));
      assertEquals(refAndVersion[2], call.version());
    }
  }

  @Test
  void identityHandsBackTheVeryTensorsItGot() {
    Tensor x = KitTensors.sample(DataType.BYTES, "x");
    assertSame(x, run(script, KitContract.IDENTITY, x).get(0));
  }
}
