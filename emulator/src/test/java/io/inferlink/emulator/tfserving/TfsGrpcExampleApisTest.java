package io.inferlink.emulator.tfserving;

import static io.inferlink.emulator.tfserving.TfsGrpcClient.assertStatus;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import io.inferlink.emulator.ClassScore;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.KitContract;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedModel;
import io.inferlink.protos.internal.tensorflow.Example;
import io.inferlink.protos.internal.tensorflow.Feature;
import io.inferlink.protos.internal.tensorflow.Features;
import io.inferlink.protos.internal.tensorflow.FloatList;
import io.inferlink.protos.internal.tensorflow.Int64List;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos.ClassificationRequest;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos.ClassificationResponse;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos.Classifications;
import io.inferlink.protos.internal.tensorflow.serving.ExampleList;
import io.inferlink.protos.internal.tensorflow.serving.ExampleListWithContext;
import io.inferlink.protos.internal.tensorflow.serving.InferenceResult;
import io.inferlink.protos.internal.tensorflow.serving.InferenceTask;
import io.inferlink.protos.internal.tensorflow.serving.Input;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.protos.internal.tensorflow.serving.MultiInferenceRequest;
import io.inferlink.protos.internal.tensorflow.serving.MultiInferenceResponse;
import io.inferlink.protos.internal.tensorflow.serving.Regression;
import io.inferlink.protos.internal.tensorflow.serving.RegressionRequest;
import io.inferlink.protos.internal.tensorflow.serving.RegressionResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Classify, Regress and MultiInference from Input to the script's classify/regress and back. */
class TfsGrpcExampleApisTest {
  private static final String CLASSIFY = "tensorflow/serving/classify";
  private static final String REGRESS = "tensorflow/serving/regress";
  private static Emulator emulator;
  private static TfsGrpcClient client;

  @BeforeAll
  static void start() {
    ModelScript script = ModelScript.builder().addBuiltins().add(new BothModel()).build();
    emulator = Emulator.builder().script(script).frontend(new TfServingGrpcFrontend()).build().start();
    client = new TfsGrpcClient(emulator.port(TfServingGrpcFrontend.PROTOCOL));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    client.close();
    emulator.close();
  }

  @Test
  void classifyGivesEveryClassWithItsScorePerExample() {
    ClassificationResponse r = client.predict.classify(ClassificationRequest.newBuilder().setModelSpec(spec("classifier"))
        .setInput(list(example("x", 0f, 0f, 0f, 0f), example("x", 0f, 0f, 5f, 5f))).build());
    assertEquals(2, r.getResult().getClassificationsCount());
    Classifications uniform = r.getResult().getClassifications(0);
    for (int k = 0; k < 3; k++) {
      assertEquals(KitContract.CLASSES.get(k), uniform.getClasses(k).getLabel());
      assertEquals(1.0 / 3, uniform.getClasses(k).getScore(), 1e-6);
    }
    assertEquals(1.0, r.getResult().getClassifications(1).getClasses(2).getScore(), 1e-3);
    assertEquals(spec("classifier", 1).toBuilder().setSignatureName("serving_default").build(), r.getModelSpec());
  }

  @Test
  void regressMergesContextIntoEachExampleWhichWins() {
    Input input = Input.newBuilder().setExampleListWithContext(ExampleListWithContext.newBuilder()
        .setContext(example("x", 1.5f))
        .addExamples(Example.getDefaultInstance())
        .addExamples(example("x", 3f))).build();
    RegressionResponse r = client.predict.regress(RegressionRequest.newBuilder().setModelSpec(spec("add_one")).setInput(input).build());
    assertEquals(List.of(2.5f, 4f), r.getResult().getRegressionsList().stream().map(Regression::getValue).toList());
    assertEquals(1, r.getModelSpec().getVersion().getValue());
    assertEquals("serving_default", r.getModelSpec().getSignatureName());
  }

  @Test
  void modelsWithoutTheMethodAnswerTfsMessage() {
    assertStatus(Status.Code.INVALID_ARGUMENT,
        "Expected classification signature method_name to be tensorflow/serving/classify. Was: tensorflow/serving/predict",
        () -> client.predict.classify(ClassificationRequest.newBuilder().setModelSpec(spec("add_one"))
            .setInput(list(example("x", 1f))).build()));
    assertStatus(Status.Code.INVALID_ARGUMENT,
        "Expected regression signature method_name to be tensorflow/serving/regress. Was: tensorflow/serving/predict",
        () -> client.predict.regress(RegressionRequest.newBuilder().setModelSpec(spec("classifier"))
            .setInput(list(example("x", 1f))).build()));
  }

  @Test
  void inputAndSignatureErrors() {
    assertStatus(Status.Code.INVALID_ARGUMENT, "RegressionRequest::input is empty.",
        () -> client.predict.regress(RegressionRequest.newBuilder().setModelSpec(spec("add_one")).build()));
    assertStatus(Status.Code.INVALID_ARGUMENT, "ClassificationRequest::input is empty.",
        () -> client.predict.classify(ClassificationRequest.newBuilder().setModelSpec(spec("classifier"))
            .setInput(Input.newBuilder().setExampleList(ExampleList.getDefaultInstance())).build()));
    assertStatus(Status.Code.INVALID_ARGUMENT, "No signature was found with the name: other",
        () -> client.predict.regress(RegressionRequest.newBuilder()
            .setModelSpec(spec("add_one").toBuilder().setSignatureName("other")).setInput(list(example("x", 1f))).build()));
    assertStatus(Status.Code.INVALID_ARGUMENT, "add_one: feature 'x' must hold 1 float value(s), got int64s with 1 value(s)",
        () -> client.predict.regress(RegressionRequest.newBuilder().setModelSpec(spec("add_one"))
            .setInput(list(Example.newBuilder().setFeatures(Features.newBuilder().putFeature("x",
                Feature.newBuilder().setInt64List(Int64List.newBuilder().addValue(1)).build()))
                .build())).build()));
    assertStatus(Status.Code.NOT_FOUND, "Servable not found for request: Latest(nope)",
        () -> client.predict.classify(ClassificationRequest.newBuilder().setModelSpec(spec("nope"))
            .setInput(list(example("x", 1f))).build()));
  }

  @Test
  void multiInferencePicksTheMethodOfEachTask() {
    MultiInferenceResponse r = client.predict.multiInference(MultiInferenceRequest.newBuilder()
        .addTasks(task("both", CLASSIFY)).addTasks(task("both", REGRESS))
        .setInput(list(example("x", 0.25f), example("x", 1f))).build());
    assertEquals(2, r.getResultsCount());
    InferenceResult classified = r.getResults(0);
    assertEquals(InferenceResult.ResultCase.CLASSIFICATION_RESULT, classified.getResultCase());
    assertEquals(0.25f, classified.getClassificationResult().getClassifications(0).getClasses(0).getScore());
    assertEquals("low", classified.getClassificationResult().getClassifications(1).getClasses(1).getLabel());
    InferenceResult regressed = r.getResults(1);
    assertEquals(InferenceResult.ResultCase.REGRESSION_RESULT, regressed.getResultCase());
    assertEquals(List.of(0.5f, 2f),
        regressed.getRegressionResult().getRegressionsList().stream().map(Regression::getValue).toList());
    assertEquals(spec("both", 1).toBuilder().setSignatureName("serving_default").build(), regressed.getModelSpec());
  }

  @Test
  void multiInferenceOverBuiltins() {
    MultiInferenceResponse r = client.predict.multiInference(MultiInferenceRequest.newBuilder()
        .addTasks(task("add_one", REGRESS)).setInput(list(example("x", 1f))).build());
    assertEquals(2f, r.getResults(0).getRegressionResult().getRegressions(0).getValue());
  }

  @Test
  void multiInferenceErrors() {
    Input input = list(example("x", 1f));
    assertStatus(Status.Code.INVALID_ARGUMENT, "All ModelSpecs in a MultiInferenceRequest must access the same model name.",
        () -> client.predict.multiInference(MultiInferenceRequest.newBuilder()
            .addTasks(task("both", REGRESS)).addTasks(task("add_one", REGRESS)).setInput(input).build()));
    assertStatus(Status.Code.INVALID_ARGUMENT, "Duplicate evaluation of signature: serving_default",
        () -> client.predict.multiInference(MultiInferenceRequest.newBuilder()
            .addTasks(task("both", REGRESS)).addTasks(task("both", REGRESS)).setInput(input).build()));
    assertStatus(Status.Code.UNIMPLEMENTED, "Unsupported signature method_name: tensorflow/serving/predict",
        () -> client.predict.multiInference(MultiInferenceRequest.newBuilder()
            .addTasks(task("both", "tensorflow/serving/predict")).setInput(input).build()));
    assertStatus(Status.Code.INVALID_ARGUMENT,
        "Expected classification signature method_name to be tensorflow/serving/classify. Was: tensorflow/serving/predict",
        () -> client.predict.multiInference(MultiInferenceRequest.newBuilder()
            .addTasks(task("add_one", CLASSIFY)).setInput(input).build()));
    assertStatus(Status.Code.NOT_FOUND, "Servable not found for request: Latest()",
        () -> client.predict.multiInference(MultiInferenceRequest.newBuilder().setInput(input).build()));
    assertStatus(Status.Code.INVALID_ARGUMENT, "MultiInferenceRequest::input is empty.",
        () -> client.predict.multiInference(MultiInferenceRequest.newBuilder().addTasks(task("both", REGRESS)).build()));
  }

  private static InferenceTask task(String model, String method) {
    return InferenceTask.newBuilder().setModelSpec(spec(model)).setMethodName(method).build();
  }

  private static Input list(Example... examples) {
    return Input.newBuilder().setExampleList(ExampleList.newBuilder().addAllExamples(List.of(examples))).build();
  }

  private static Example example(String feature, float... values) {
    FloatList.Builder floats = FloatList.newBuilder();
    for (float v : values) {
      floats.addValue(v);
    }
    return Example.newBuilder().setFeatures(Features.newBuilder()
        .putFeature(feature, Feature.newBuilder().setFloatList(floats).build())).build();
  }

  /** Classifies ("high" with score x, "low" with 1 - x) and regresses (2 x) a float feature x. */
  private static final class BothModel implements ScriptedModel {
    @Override
    public String name() {
      return "both";
    }

    @Override
    public ModelMetadata metadata(String version) {
      return new ModelMetadata("both", List.of("1"), "test", List.of(), List.of());
    }

    @Override
    public List<Tensor> infer(ModelCall call) {
      return List.of();
    }

    @Override
    public boolean classifies() {
      return true;
    }

    @Override
    public List<List<ClassScore>> classify(ModelCall call, List<io.inferlink.emulator.Example> examples) {
      return examples.stream().map(e -> {
        float x = e.floats("both", "x", 1)[0];
        return List.of(new ClassScore("high", x), new ClassScore("low", 1 - x));
      }).toList();
    }

    @Override
    public boolean regresses() {
      return true;
    }

    @Override
    public float[] regress(ModelCall call, List<io.inferlink.emulator.Example> examples) {
      float[] out = new float[examples.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = 2 * examples.get(i).floats("both", "x", 1)[0];
      }
      return out;
    }
  }
}
