package io.inferlink.protos.tfserving;

import io.inferlink.protos.wire.Wire;

import static io.inferlink.protos.wire.Wire.assertBytes;
import static io.inferlink.protos.wire.Wire.cat;
import static io.inferlink.protos.wire.Wire.floatField;
import static io.inferlink.protos.wire.Wire.lenField;
import static io.inferlink.protos.wire.Wire.mapEntry;
import static io.inferlink.protos.wire.Wire.packedFloats;
import static io.inferlink.protos.wire.Wire.packedVarints;
import static io.inferlink.protos.wire.Wire.stringField;
import static io.inferlink.protos.wire.Wire.varintField;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import com.google.protobuf.Int64Value;
import io.inferlink.protos.internal.tensorflow.BytesList;
import io.inferlink.protos.internal.tensorflow.Example;
import io.inferlink.protos.internal.tensorflow.Feature;
import io.inferlink.protos.internal.tensorflow.Features;
import io.inferlink.protos.internal.tensorflow.FloatList;
import io.inferlink.protos.internal.tensorflow.Int64List;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos;
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
import io.inferlink.protos.internal.tensorflow.serving.RegressionResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classify / Regress / MultiInference messages and their Example-based Input
 * (Input: example_list 1, example_list_with_context 2; Example.features 1; Features.feature 1 (map);
 * Feature oneof: bytes_list 1, float_list 2, int64_list 3; each list's value 1).
 */
class ClassifyRegressWireTest {

  // Example{features {"word": bytes_list ["cat", 00 FF]}}
  static final byte[] EXAMPLE_BYTES = lenField(1, mapEntry(1, stringField(1, "word"),
      lenField(2, lenField(1, stringField(1, "cat"), lenField(1, Wire.bytes(0x00, 0xFF))))));
  // Example{features {"x": float_list [1.5, -2]}}
  static final byte[] EXAMPLE_FLOATS = lenField(1, mapEntry(1, stringField(1, "x"),
      lenField(2, lenField(2, packedFloats(1, 1.5f, -2f)))));
  // Example{features {"ids": int64_list [7, -1]}}
  static final byte[] EXAMPLE_INTS = lenField(1, mapEntry(1, stringField(1, "ids"),
      lenField(2, lenField(3, packedVarints(1, 7, -1)))));

  static Example example(String key, Feature feature) {
    return Example.newBuilder().setFeatures(Features.newBuilder().putFeature(key, feature)).build();
  }

  static Example bytesExample() {
    return example("word", Feature.newBuilder().setBytesList(BytesList.newBuilder()
        .addValue(ByteString.copyFromUtf8("cat")).addValue(ByteString.copyFrom(Wire.bytes(0x00, 0xFF)))).build());
  }

  static Example floatsExample() {
    return example("x", Feature.newBuilder().setFloatList(FloatList.newBuilder().addValue(1.5f).addValue(-2f)).build());
  }

  static Example intsExample() {
    return example("ids", Feature.newBuilder().setInt64List(Int64List.newBuilder().addValue(7).addValue(-1)).build());
  }

  static final byte[] SPEC = cat(stringField(1, "m"), lenField(2, varintField(1, 3)), stringField(3, "classify_x"));

  static ModelSpec spec() {
    return ModelSpec.newBuilder().setName("m").setVersion(Int64Value.of(3)).setSignatureName("classify_x").build();
  }

  @Test
  void inputWithExampleListWithContextAndEveryFeatureKind() throws Exception {
    byte[] wire = lenField(2, lenField(1, EXAMPLE_BYTES), lenField(1, EXAMPLE_FLOATS), lenField(2, EXAMPLE_INTS));

    Input parsed = Input.parseFrom(wire);
    assertEquals(Input.KindCase.EXAMPLE_LIST_WITH_CONTEXT, parsed.getKindCase());
    ExampleListWithContext list = parsed.getExampleListWithContext();
    assertEquals(2, list.getExamplesCount());
    Feature word = list.getExamples(0).getFeatures().getFeatureOrThrow("word");
    assertEquals(Feature.KindCase.BYTES_LIST, word.getKindCase());
    assertEquals(List.of(ByteString.copyFromUtf8("cat"), ByteString.copyFrom(Wire.bytes(0x00, 0xFF))),
        word.getBytesList().getValueList());
    Feature x = list.getExamples(1).getFeatures().getFeatureOrThrow("x");
    assertEquals(Feature.KindCase.FLOAT_LIST, x.getKindCase());
    assertEquals(List.of(1.5f, -2f), x.getFloatList().getValueList());
    Feature ids = list.getContext().getFeatures().getFeatureOrThrow("ids");
    assertEquals(Feature.KindCase.INT64_LIST, ids.getKindCase());
    assertEquals(List.of(7L, -1L), ids.getInt64List().getValueList());

    Input built = Input.newBuilder().setExampleListWithContext(ExampleListWithContext.newBuilder()
        .addExamples(bytesExample()).addExamples(floatsExample()).setContext(intsExample())).build();
    assertBytes(wire, built.toByteArray());
  }

  @Test
  void classificationRequestWithExampleList() throws Exception {
    byte[] wire = cat(lenField(1, SPEC), lenField(2, lenField(1, lenField(1, EXAMPLE_FLOATS))));
    ClassificationProtos.ClassificationRequest parsed = ClassificationProtos.ClassificationRequest.parseFrom(wire);
    assertEquals(spec(), parsed.getModelSpec());
    assertEquals(Input.KindCase.EXAMPLE_LIST, parsed.getInput().getKindCase());
    assertEquals(floatsExample(), parsed.getInput().getExampleList().getExamples(0));
    assertBytes(wire, ClassificationProtos.ClassificationRequest.newBuilder().setModelSpec(spec())
        .setInput(Input.newBuilder().setExampleList(ExampleList.newBuilder().addExamples(floatsExample())))
        .build().toByteArray());
  }

  /** ClassificationResult{[ {cat 0.75, dog 0.25}, {dog 1.0} ]}. */
  static final byte[] CLASSIFICATION_RESULT = cat(
      lenField(1,
          lenField(1, stringField(1, "cat"), floatField(2, 0.75f)),
          lenField(1, stringField(1, "dog"), floatField(2, 0.25f))),
      lenField(1, lenField(1, stringField(1, "dog"), floatField(2, 1f))));

  static ClassificationProtos.Class cls(String label, float score) {
    return ClassificationProtos.Class.newBuilder().setLabel(label).setScore(score).build();
  }

  static ClassificationProtos.ClassificationResult classificationResult() {
    return ClassificationProtos.ClassificationResult.newBuilder()
        .addClassifications(ClassificationProtos.Classifications.newBuilder()
            .addClasses(cls("cat", 0.75f)).addClasses(cls("dog", 0.25f)))
        .addClassifications(ClassificationProtos.Classifications.newBuilder().addClasses(cls("dog", 1f)))
        .build();
  }

  @Test
  void classificationResponseResultIsField1ModelSpecField2() throws Exception {
    byte[] wire = cat(lenField(1, CLASSIFICATION_RESULT), lenField(2, SPEC));
    ClassificationProtos.ClassificationResponse parsed = ClassificationProtos.ClassificationResponse.parseFrom(wire);
    assertEquals(2, parsed.getResult().getClassificationsCount());
    ClassificationProtos.Classifications first = parsed.getResult().getClassifications(0);
    assertEquals("cat", first.getClasses(0).getLabel());
    assertEquals(0.75f, first.getClasses(0).getScore());
    assertEquals("dog", first.getClasses(1).getLabel());
    assertEquals(0.25f, first.getClasses(1).getScore());
    assertEquals("dog", parsed.getResult().getClassifications(1).getClasses(0).getLabel());
    assertEquals(1f, parsed.getResult().getClassifications(1).getClasses(0).getScore());
    assertEquals(spec(), parsed.getModelSpec());

    assertBytes(wire, ClassificationProtos.ClassificationResponse.newBuilder()
        .setResult(classificationResult()).setModelSpec(spec()).build().toByteArray());
  }

  static final byte[] REGRESSION_RESULT = cat(lenField(1, floatField(1, 1.5f)), lenField(1, floatField(1, -2f)));

  static RegressionResult regressionResult() {
    return RegressionResult.newBuilder().addRegressions(Regression.newBuilder().setValue(1.5f))
        .addRegressions(Regression.newBuilder().setValue(-2f)).build();
  }

  @Test
  void regressionRequestAndResponse() throws Exception {
    byte[] request = cat(lenField(1, SPEC), lenField(2, lenField(1, lenField(1, EXAMPLE_INTS))));
    RegressionRequest parsedRequest = RegressionRequest.parseFrom(request);
    assertEquals(spec(), parsedRequest.getModelSpec());
    assertEquals(intsExample(), parsedRequest.getInput().getExampleList().getExamples(0));
    assertBytes(request, RegressionRequest.newBuilder().setModelSpec(spec())
        .setInput(Input.newBuilder().setExampleList(ExampleList.newBuilder().addExamples(intsExample())))
        .build().toByteArray());

    byte[] response = cat(lenField(1, REGRESSION_RESULT), lenField(2, SPEC));
    RegressionResponse parsed = RegressionResponse.parseFrom(response);
    assertEquals(2, parsed.getResult().getRegressionsCount());
    assertEquals(1.5f, parsed.getResult().getRegressions(0).getValue());
    assertEquals(-2f, parsed.getResult().getRegressions(1).getValue());
    assertEquals(spec(), parsed.getModelSpec());
    assertBytes(response, RegressionResponse.newBuilder().setResult(regressionResult()).setModelSpec(spec())
        .build().toByteArray());
  }

  @Test
  void multiInferenceRequestAndResponse() throws Exception {
    byte[] specC = cat(stringField(1, "m"), stringField(3, "classify_x"));
    byte[] specR = cat(stringField(1, "m"), stringField(3, "regress_x"));
    byte[] request = cat(
        lenField(1, lenField(1, specC), stringField(2, "tensorflow/serving/classify")),
        lenField(1, lenField(1, specR), stringField(2, "tensorflow/serving/regress")),
        lenField(2, lenField(1, lenField(1, EXAMPLE_BYTES))));
    MultiInferenceRequest parsedRequest = MultiInferenceRequest.parseFrom(request);
    assertEquals(2, parsedRequest.getTasksCount());
    assertEquals("classify_x", parsedRequest.getTasks(0).getModelSpec().getSignatureName());
    assertEquals("tensorflow/serving/classify", parsedRequest.getTasks(0).getMethodName());
    assertEquals("regress_x", parsedRequest.getTasks(1).getModelSpec().getSignatureName());
    assertEquals("tensorflow/serving/regress", parsedRequest.getTasks(1).getMethodName());
    assertEquals(bytesExample(), parsedRequest.getInput().getExampleList().getExamples(0));

    ModelSpec c = ModelSpec.newBuilder().setName("m").setSignatureName("classify_x").build();
    ModelSpec r = ModelSpec.newBuilder().setName("m").setSignatureName("regress_x").build();
    assertBytes(request, MultiInferenceRequest.newBuilder()
        .addTasks(InferenceTask.newBuilder().setModelSpec(c).setMethodName("tensorflow/serving/classify"))
        .addTasks(InferenceTask.newBuilder().setModelSpec(r).setMethodName("tensorflow/serving/regress"))
        .setInput(Input.newBuilder().setExampleList(ExampleList.newBuilder().addExamples(bytesExample())))
        .build().toByteArray());

    byte[] response = cat(
        lenField(1, lenField(1, specC), lenField(2, CLASSIFICATION_RESULT)),
        lenField(1, lenField(1, specR), lenField(3, REGRESSION_RESULT)));
    MultiInferenceResponse parsed = MultiInferenceResponse.parseFrom(response);
    assertEquals(2, parsed.getResultsCount());
    assertEquals(InferenceResult.ResultCase.CLASSIFICATION_RESULT, parsed.getResults(0).getResultCase());
    assertEquals(c, parsed.getResults(0).getModelSpec());
    assertEquals(classificationResult(), parsed.getResults(0).getClassificationResult());
    assertEquals(InferenceResult.ResultCase.REGRESSION_RESULT, parsed.getResults(1).getResultCase());
    assertEquals(r, parsed.getResults(1).getModelSpec());
    assertEquals(regressionResult(), parsed.getResults(1).getRegressionResult());
    assertBytes(response, MultiInferenceResponse.newBuilder()
        .addResults(InferenceResult.newBuilder().setModelSpec(c).setClassificationResult(classificationResult()))
        .addResults(InferenceResult.newBuilder().setModelSpec(r).setRegressionResult(regressionResult()))
        .build().toByteArray());
  }
}
