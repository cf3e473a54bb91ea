package io.inferlink.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The protocol-free classify and regress contracts of {@link KitContract}, on the script itself. */
class ExampleModelsTest {
  private final ModelScript script = ModelScript.builtins();

  @Test
  void classifierScoresEveryClassOfEachExampleAsItsPredictDoes() {
    ScriptedModel classifier = script.model(KitContract.CLASSIFIER).orElseThrow();
    assertTrue(classifier.classifies());
    List<List<ClassScore>> results = classifier.classify(call(KitContract.CLASSIFIER),
        List.of(floats(0, 0, 0, 0), floats(0, 0, 5, 5)));
    assertEquals(2, results.size());
    assertEquals(KitContract.CLASSES, results.get(0).stream().map(ClassScore::label).toList());
    assertEquals(1f / 3, results.get(0).get(1).score(), 1e-6);
    assertTrue(results.get(1).get(2).score() > 0.999f, "virginica wins the second example: " + results.get(1));
  }

  @Test
  void addOneRegressesOneFloatPerExample() {
    ScriptedModel addOne = script.model(KitContract.ADD_ONE).orElseThrow();
    assertTrue(addOne.regresses());
    assertArrayEquals(new float[] {2.5f, -1f}, addOne.regress(call(KitContract.ADD_ONE), List.of(floats(1.5f), floats(-2f))));
    ScriptedFailure wrong = assertThrows(ScriptedFailure.class, () -> addOne.regress(call(KitContract.ADD_ONE),
        List.of(new Example(Map.of("x", new Feature.Int64s(new long[] {1}))))));
    assertEquals(ErrorCode.INVALID_ARGUMENT, wrong.code());
    assertEquals("add_one: feature 'x' must hold 1 float value(s), got int64s with 1 value(s)", wrong.getMessage());
  }

  @Test
  void otherModelsHaveNeitherCapability() {
    for (String name : List.of(KitContract.IDENTITY, KitContract.FAIL, KitContract.SLEEP, KitContract.VERSIONED)) {
      ScriptedModel model = script.model(name).orElseThrow();
      assertFalse(model.classifies(), name);
      assertFalse(model.regresses(), name);
      assertThrows(ScriptedFailure.class, () -> model.classify(call(name), List.of(floats(1))), name);
    }
    assertFalse(script.model(KitContract.ADD_ONE).orElseThrow().classifies());
    assertFalse(script.model(KitContract.CLASSIFIER).orElseThrow().regresses());
  }

  @Test
  void aCancelledCallIsNotClassified() {
    ModelCall cancelled = call(KitContract.CLASSIFIER);
    cancelled.cancel();
    ScriptedFailure f = assertThrows(ScriptedFailure.class,
        () -> script.model(KitContract.CLASSIFIER).orElseThrow().classify(cancelled, List.of(floats(0, 0, 0, 0))));
    assertEquals(ErrorCode.CANCELLED, f.code());
  }

  private ModelCall call(String model) {
    return ModelCall.builder(script.resolve(model, null, null)).build();
  }

  private static Example floats(float... x) {
    return new Example(Map.of("x", new Feature.Floats(x)));
  }
}
