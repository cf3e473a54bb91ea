package io.inferlink.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelScriptTest {
  private final ModelScript script = ModelScript.builtins();

  @Test
  void builtinsHostEveryKitModel() {
    List<String> names = script.models().stream().map(ScriptedModel::name).toList();
    assertEquals(List.of(KitContract.IDENTITY, KitContract.ADD_ONE, KitContract.CLASSIFIER, KitContract.FAIL,
        KitContract.SLEEP, KitContract.VERSIONED), names);
  }

  @Test
  void unknownModelIsNotFoundWithItsName() {
    ScriptedFailure f = assertThrows(ScriptedFailure.class, () -> script.resolve("nope", null, null));
    assertEquals(ErrorCode.NOT_FOUND, f.code());
    assertEquals("model 'nope' not found", f.getMessage());
    assertEquals(404, f.httpStatus());
    assertEquals(5, f.grpcCode());
  }

  @Test
  void unknownVersionAndLabelAreNotFound() {
    ScriptedFailure version = assertThrows(ScriptedFailure.class, () -> script.resolve(KitContract.VERSIONED, "9", null));
    assertEquals(ErrorCode.NOT_FOUND, version.code());
    assertEquals("model 'versioned' has no version 9", version.getMessage());
    ScriptedFailure label = assertThrows(ScriptedFailure.class, () -> script.resolve(KitContract.VERSIONED, null, "beta"));
    assertEquals(ErrorCode.NOT_FOUND, label.code());
    assertEquals("model 'versioned' has no label 'beta'", label.getMessage());
  }

  @Test
  void versionAndLabelTogetherAreInvalid() {
    ScriptedFailure f = assertThrows(ScriptedFailure.class, () -> script.resolve(KitContract.VERSIONED, "1", "stable"));
    assertEquals(ErrorCode.INVALID_ARGUMENT, f.code());
  }

  @Test
  void referencesResolveToLatestVersionOrLabel() {
    assertEquals("2", script.resolve(ModelRef.of(KitContract.VERSIONED)).version());
    assertEquals("1", script.resolve(ModelRef.of(KitContract.VERSIONED, "1")).version());
    assertEquals("1", script.resolve(ModelRef.withLabel(KitContract.VERSIONED, KitContract.LABEL_STABLE)).version());
    assertEquals("2", script.resolve(ModelRef.withLabel(KitContract.VERSIONED, KitContract.LABEL_CANARY)).version());
    assertEquals("1", script.resolve(ModelRef.of(KitContract.IDENTITY)).version());
  }

  @Test
  void latestVersionIsNumericallyHighestNotLastListed() {
    ScriptedModel model = new ScriptedModel() {
      @Override public String name() {
        return "m";
      }

      @Override public List<String> versions() {
        return List.of("10", "9");
      }

      @Override public io.inferlink.ModelMetadata metadata(String version) {
        throw new UnsupportedOperationException();
      }

      @Override public List<Tensor> infer(ModelCall call) {
        return List.of();
      }
    };
    assertEquals("10", model.latestVersion());
  }

  @Test
  void readinessIsTrueForKnownAndFalseForUnknown() {
    assertTrue(script.isReady(KitContract.ADD_ONE, null, null));
    assertTrue(script.isReady(KitContract.VERSIONED, "1", null));
    assertFalse(script.isReady(KitContract.VERSIONED, "9", null));
    assertFalse(script.isReady("nope", null, null));
  }

  @Test
  void metadataDescribesTheContract() {
    var md = script.metadata(KitContract.ADD_ONE, null, null);
    assertEquals(List.of(new TensorSpec("x", DataType.FP32, new long[] {-1, -1})), md.inputs());
    assertEquals(List.of(new TensorSpec("y", DataType.FP32, new long[] {-1, -1})), md.outputs());
    assertEquals(KitContract.VERSIONS, script.metadata(KitContract.VERSIONED, "1", null).versions());
    assertThrows(ScriptedFailure.class, () -> script.metadata("nope", null, null));
  }

  @Test
  void requestedOutputsAreFilteredInModelOrder() {
    Tensor a = Tensor.ofFloats("a", new float[] {1f}, 1);
    Tensor b = Tensor.ofInts("b", new int[] {2}, 1);
    Tensor c = Tensor.ofStrings("c", new String[] {"three"}, 1);
    ModelCall call = ModelCall.builder(script.resolve(KitContract.IDENTITY, null, null))
        .inputs(List.of(a, b, c)).requestedOutputs(List.of("c", "a")).build();
    assertEquals(List.of(a, c), script.infer(call));
  }

  @Test
  void unknownRequestedOutputIsInvalidArgument() {
    ModelCall call = ModelCall.builder(script.resolve(KitContract.IDENTITY, null, null))
        .input(Tensor.ofFloats("a", new float[] {1f}, 1)).requestedOutputs(List.of("zzz")).build();
    ScriptedFailure f = assertThrows(ScriptedFailure.class, () -> script.infer(call));
    assertEquals(ErrorCode.INVALID_ARGUMENT, f.code());
    assertTrue(f.getMessage().contains("'zzz'"), f.getMessage());
  }

  @Test
  void builderRefusesDuplicatesAndDanglingLabels() {
    ModelScript.Builder builder = ModelScript.builder().addBuiltins();
    assertThrows(IllegalArgumentException.class, builder::addBuiltins);
    ScriptedModel dangling = new ScriptedModel() {
      @Override public String name() {
        return "dangling";
      }

      @Override public Map<String, String> labels() {
        return Map.of("x", "7");
      }

      @Override public io.inferlink.ModelMetadata metadata(String version) {
        throw new UnsupportedOperationException();
      }

      @Override public List<Tensor> infer(ModelCall call) {
        return List.of();
      }
    };
    assertThrows(IllegalArgumentException.class, () -> ModelScript.builder().add(dangling));
  }

  @Test
  void testsCanAddModelsOfTheirOwn() {
    ScriptedModel doubler = ScriptedModel.of("double",
        List.of(new TensorSpec("x", DataType.INT32, new long[] {-1})),
        List.of(new TensorSpec("y", DataType.INT32, new long[] {-1})),
        call -> {
          int[] x = call.input("x").orElseThrow().toIntArray();
          for (int i = 0; i < x.length; i++) {
            x[i] *= 2;
          }
          return List.of(Tensor.ofInts("y", x, x.length));
        });
    ModelScript custom = ModelScript.builder().add(doubler).build();
    assertEquals(List.of(Tensor.ofInts("y", new int[] {2, -6}, 2)),
        ScriptCalls.run(custom, "double", Tensor.ofInts("x", new int[] {1, -3}, 2)));
    assertEquals("1", custom.resolve("double", null, null).version());
  }
}
