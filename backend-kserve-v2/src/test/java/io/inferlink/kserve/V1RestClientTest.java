package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ModelRef;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kservev1.KServeV1RestFrontend;
import io.inferlink.testkit.KitModels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code kserve-v1+http} beyond the kit, against the emulator: naming, options, Host override, refusals. */
class V1RestClientTest {
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new KServeV1RestFrontend()).maxLifetime(Duration.ofMinutes(5)).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static InferenceClient client(String query, ClientOptions.Builder options) {
    return InferenceClient.create(emulator.endpoint("kserve-v1+http") + query, options.build());
  }

  @Test
  void capabilitiesAreWhatSurvivesUntypedJson() {
    try (InferenceClient client = client("", ClientOptions.builder())) {
      assertEquals("kserve-v1-rest", client.providerName());
      assertEquals(java.util.EnumSet.of(DataType.BOOL, DataType.INT64, DataType.FP32, DataType.BYTES),
          client.capabilities().dataTypes());
      assertEquals(java.util.EnumSet.of(Capability.MODEL_READY, Capability.SERVER_LIVE), client.capabilities().features());
    }
  }

  @Test
  void aSingleOutputIsNamedPredictionsAndObjectRowsKeepTheirNames() {
    try (InferenceClient client = client("", ClientOptions.builder())) {
      InferenceResponse added = client.infer(InferenceRequest.builder(KitModels.ADD_ONE)
          .input(Tensor.ofFloats("x", new float[] {1f, 2.5f}, 1, 2)).build());
      assertEquals(List.of("predictions"), List.copyOf(added.outputs().keySet()));
      assertArrayEquals(new float[] {2f, 3.5f}, added.firstOutput().toFloatArray());
      assertEquals(KitModels.ADD_ONE, added.modelName());
      assertNull(added.modelVersion());
      InferenceResponse classes = client.infer(InferenceRequest.builder(KitModels.CLASSIFIER)
          .input(Tensor.ofFloats("x", new float[] {5, 1, 0, 0}, 1, 4)).build());
      assertEquals(List.of("label", "scores"), List.copyOf(classes.outputs().keySet()));
      assertEquals(List.of("setosa"), classes.output("label").toStringList());
    }
  }

  @Test
  void theFp64OptionSendsAndReadsDoubles() {
    try (InferenceClient client = client("?v1-float=fp64", ClientOptions.builder())) {
      assertTrue(client.capabilities().supports(DataType.FP64));
      assertFalse(client.capabilities().supports(DataType.FP32));
      Tensor y = client.infer(InferenceRequest.builder(KitModels.ADD_ONE)
          .input(Tensor.ofDoubles("x", new double[] {0.5, 0.1}, 1, 2)).build()).firstOutput();
      assertEquals(DataType.FP64, y.dtype());
      // add_one computes in float32; the answer's doubles are those floats, exactly.
      assertArrayEquals(new double[] {1.5, (double) (0.1f + 1f)}, y.toDoubleArray());
      UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> client.infer(
          InferenceRequest.builder(KitModels.ADD_ONE).input(Tensor.ofFloats("x", new float[] {1f}, 1)).build()));
      assertTrue(e.getMessage().contains("FP32"), e.getMessage());
    }
  }

  @Test
  void unknownOptionsAreRefusedNamingTheKnownOnes() {
    ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
        () -> client("?binary=always", ClientOptions.builder()).close());
    assertTrue(e.getMessage().contains("v1-float"), e.getMessage());
  }

  @Test
  void versionsLabelsAndScalarsAreRefusedBeforeSending() {
    long before = emulator.recorder().recordedCalls();
    try (InferenceClient client = client("", ClientOptions.builder())) {
      Tensor x = Tensor.ofFloats("x", new float[] {1f}, 1);
      assertThrows(UnsupportedFeatureException.class,
          () -> client.infer(InferenceRequest.builder(ModelRef.of(KitModels.VERSIONED, "1")).input(x).build()));
      assertThrows(UnsupportedFeatureException.class,
          () -> client.infer(InferenceRequest.builder(ModelRef.withLabel(KitModels.VERSIONED, "stable")).input(x).build()));
      assertThrows(UnsupportedFeatureException.class, () -> client.modelReady(ModelRef.of(KitModels.VERSIONED, "1")));
      UnsupportedFeatureException scalar = assertThrows(UnsupportedFeatureException.class,
          () -> client.infer(InferenceRequest.builder(KitModels.IDENTITY).input(Tensor.ofFloats("s", new float[] {1f})).build()));
      assertTrue(scalar.getMessage().contains("scalar"), scalar.getMessage());
      assertThrows(InvalidRequestException.class, () -> client.infer(InferenceRequest.builder(KitModels.IDENTITY)
          .inputs(Tensor.ofFloats("a", new float[] {1f, 2f}, 2), Tensor.ofLongs("b", new long[] {1}, 1)).build()));
      ExecutionException async = assertThrows(ExecutionException.class,
          () -> client.inferAsync(InferenceRequest.builder(ModelRef.of(KitModels.VERSIONED, "1")).input(x).build()).get());
      assertInstanceOf(UnsupportedFeatureException.class, async.getCause());
    }
    assertEquals(before, emulator.recorder().recordedCalls(), "a refused call reached the server");
  }

  @Test
  void theHostOverrideReachesTheServer() {
    String callId = "v1-host-" + System.nanoTime();
    try (InferenceClient client = client("", ClientOptions.builder().authority("add-one.default.example.com")
        .header(KitModels.CALL_ID_HEADER, callId))) {
      client.infer(InferenceRequest.builder(KitModels.ADD_ONE).input(Tensor.ofFloats("x", new float[] {1f}, 1, 1)).build());
    }
    Map<String, String> headers = emulator.recorder().headersOfCall(callId, Duration.ofSeconds(5)).orElseThrow();
    assertEquals("add-one.default.example.com", headers.get("host"));
  }

  @Test
  void readinessAndLiveness() {
    try (InferenceClient client = client("", ClientOptions.builder())) {
      assertTrue(client.modelReady(ModelRef.of(KitModels.CLASSIFIER)));
      assertFalse(client.modelReady(ModelRef.of("nope")));
      assertTrue(client.serverLive());
      assertThrows(UnsupportedFeatureException.class, client::serverReady);
      assertThrows(UnsupportedFeatureException.class, () -> client.modelMetadata(ModelRef.of(KitModels.ADD_ONE)));
    }
  }

  @Test
  void anUnknownModelIsModelNotFoundWithKServesMessage() {
    try (InferenceClient client = client("", ClientOptions.builder())) {
      ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> client.infer(
          InferenceRequest.builder("nope").input(Tensor.ofFloats("x", new float[] {1f}, 1)).build()));
      assertEquals("Model with name nope does not exist.", e.serverMessage());
    }
  }
}
