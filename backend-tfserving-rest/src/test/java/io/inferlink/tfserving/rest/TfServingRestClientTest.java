package io.inferlink.tfserving.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ModelRef;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import io.inferlink.testkit.KitModels;
import io.inferlink.tfserving.Classification;
import io.inferlink.tfserving.Example;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.tfserving.TensorFlowServing;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TF Serving's own operations and options, beyond what the portability kit checks. */
class TfServingRestClientTest {
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new TfServingRestFrontend()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static InferenceClient client(String query) {
    return InferenceClient.create(emulator.endpoint("tfserving+http") + query);
  }

  @Test
  void classifyAndRegressReturnTypedResults() {
    try (InferenceClient client = client("")) {
      TensorFlowServing tf = client.unwrap(TensorFlowServing.class);
      List<List<Classification>> classes = tf.classify(ModelRef.of(KitModels.CLASSIFIER), null, ExampleInput.of(
          Example.builder().floats("x", 5.1f, 3.5f, 1.4f, 0.2f).build(), Example.builder().floats("x", 0f, 0f, 9f, 9f).build()));
      assertEquals(2, classes.size());
      for (List<Classification> perExample : classes) {
        assertEquals(KitModels.CLASSES, perExample.stream().map(Classification::label).toList());
        assertEquals(1.0, perExample.stream().mapToDouble(Classification::score).sum(), 1e-5);
      }
      // Context features apply to every example.
      List<Float> values = tf.regress(ModelRef.of(KitModels.ADD_ONE), null,
          new ExampleInput(List.of(Example.builder().build(), Example.builder().floats("x", 4f).build()),
              Example.builder().floats("x", 1f).build()));
      assertEquals(List.of(2f, 5f), values);
      InvalidRequestException notARegressor = assertThrows(InvalidRequestException.class,
          () -> tf.regress(ModelRef.of(KitModels.IDENTITY), null, ExampleInput.of(Example.builder().floats("x", 1f).build())));
      assertTrue(notARegressor.serverMessage().contains("tensorflow/serving/regress"), notARegressor.serverMessage());
    }
  }

  @Test
  void modelStatusListsVersionsAndLabelsAreNotResolvedForStatus() {
    try (InferenceClient client = client("")) {
      TensorFlowServing tf = client.unwrap(TensorFlowServing.class);
      assertEquals(List.of(2L, 1L), tf.modelStatus(ModelRef.of(KitModels.VERSIONED)).stream()
          .map(ModelVersionStatus::version).sorted((a, b) -> Long.compare(b, a)).toList());
      assertEquals(List.of(1L), tf.modelStatus(ModelRef.of(KitModels.VERSIONED, "1")).stream()
          .map(ModelVersionStatus::version).toList());
      assertEquals(2, tf.modelStatus(ModelRef.withLabel(KitModels.VERSIONED, KitModels.LABEL_STABLE)).size());
      assertThrows(ModelNotFoundException.class, () -> tf.modelStatus(ModelRef.of("no_such_model")));
      assertFalse(client.modelReady(ModelRef.of("no_such_model")));
      assertTrue(client.modelReady(ModelRef.of(KitModels.VERSIONED, "2")));
    }
  }

  @Test
  void anUnknownLabelIsModelNotFoundWithTheServersText() {
    try (InferenceClient client = client("")) {
      ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> client.infer(
          InferenceRequest.builder(ModelRef.withLabel(KitModels.VERSIONED, "beta"))
              .input(Tensor.ofFloats("x", new float[] {1f}, 1)).build()));
      assertEquals(400, e.httpStatus());
      assertTrue(e.serverMessage().contains("Unrecognized servable version label: beta"), e.serverMessage());
    }
  }

  @Test
  void halfPrecisionIsRefusedUnlessConvertedToFp32() {
    InferenceRequest fp16 = InferenceRequest.builder(KitModels.ADD_ONE)
        .input(Tensor.ofFp16("x", new float[] {0.5f, 65504f}, 1, 2)).build();
    try (InferenceClient client = client("")) {
      assertThrows(UnsupportedFeatureException.class, () -> client.infer(fp16));
    }
    try (InferenceClient client = client("?convert-to-fp32=true")) {
      Tensor y = client.infer(fp16).output("y");
      assertEquals(DataType.FP32, y.dtype());
      assertArrayEquals(new float[] {1.5f, 65505f}, y.toFloatArray());
    }
  }

  @Test
  void anUnknownSignatureIsAnInvalidRequestWithTheServersText() {
    try (InferenceClient client = client("")) {
      InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.infer(
          InferenceRequest.builder(KitModels.ADD_ONE).signatureName("no_such_signature")
              .input(Tensor.ofFloats("x", new float[] {1f}, 1)).build()));
      assertTrue(e.serverMessage().contains("no_such_signature"), e.serverMessage());
    }
  }

  @Test
  void outputsAreTypedFromMetadataAndAnAnswerWithoutMetadataFallsBackToTheRule() {
    Tensor int8 = Tensor.ofInt8(KitModels.identityTensorName(DataType.INT8), new byte[] {-3, 4}, 2);
    InferenceRequest request = InferenceRequest.builder(KitModels.IDENTITY).input(int8).build();
    try (InferenceClient client = client("")) {
      assertEquals(int8, client.infer(request).output(int8.name()));
      client.unwrap(TensorFlowServing.class).refreshMetadata(ModelRef.of(KitModels.IDENTITY));
      assertEquals(int8, client.infer(request).output(int8.name()));
    }
    try (InferenceClient client = client("?use-metadata=false")) {
      Tensor out = client.infer(request).firstOutput();
      assertEquals(DataType.INT64, out.dtype());
      assertArrayEquals(new long[] {-3, 4}, out.toLongArray());
    }
  }

  @Test
  void misspeltOptionsAreRefusedWhenTheClientIsCreated() {
    ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
        () -> InferenceClient.create(emulator.endpoint("tfserving+http") + "?request-fromat=row"));
    assertTrue(e.getMessage().contains("request-fromat"), e.getMessage());
    assertThrows(ProviderConfigurationException.class, () -> InferenceClient.create(emulator.endpoint("tfserving+http"),
        ClientOptions.builder().option("request-format", "diagonal").build()));
  }
}
