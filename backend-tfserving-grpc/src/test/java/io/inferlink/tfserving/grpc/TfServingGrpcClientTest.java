package io.inferlink.tfserving.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ModelRef;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.ResourceExhaustedException;
import io.inferlink.Tensor;
import io.inferlink.UnavailableException;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.TestCertificates;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.testkit.KitModels;
import io.inferlink.testkit.KitTensors;
import io.inferlink.tfserving.Classification;
import io.inferlink.tfserving.Example;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.tfserving.TensorFlowServing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TF Serving gRPC operations and channel behaviour beyond the portability kit. */
class TfServingGrpcClientTest {
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new TfServingGrpcFrontend()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static InferenceClient client() {
    return InferenceClient.create(emulator.endpoint("tfserving+grpc"));
  }

  @Test
  void anUnknownLabelIsModelNotFoundWithTheServersTextAsOverRest() {
    try (InferenceClient client = client()) {
      InferenceRequest request = InferenceRequest.builder(ModelRef.withLabel(KitModels.VERSIONED, "beta"))
          .input(Tensor.ofFloats("x", new float[] {1f}, 1)).build();
      ModelNotFoundException sync = assertThrows(ModelNotFoundException.class, () -> client.infer(request));
      assertEquals(io.inferlink.ErrorCode.INVALID_ARGUMENT.grpcCode(), sync.grpcStatus());
      assertEquals("Unrecognized servable version label: beta", sync.serverMessage());
      assertTrue(sync.getMessage().contains("no such version label"), sync.getMessage());
      java.util.concurrent.ExecutionException async = assertThrows(java.util.concurrent.ExecutionException.class,
          () -> client.inferAsync(request).get());
      assertTrue(async.getCause() instanceof ModelNotFoundException, String.valueOf(async.getCause()));
    }
  }

  @Test
  void classifyRegressAndMultiInference() {
    ExampleInput flowers = ExampleInput.of(Example.builder().floats("x", 5.1f, 3.5f, 1.4f, 0.2f).build());
    try (InferenceClient client = client()) {
      TensorFlowServing tf = client.unwrap(TensorFlowServing.class);
      List<List<Classification>> classes = tf.classify(ModelRef.of(KitModels.CLASSIFIER), null, flowers);
      assertEquals(KitModels.CLASSES, classes.get(0).stream().map(Classification::label).toList());
      assertEquals(List.of(3.5f), tf.regress(ModelRef.of(KitModels.ADD_ONE), null,
          ExampleInput.of(Example.builder().floats("x", 2.5f).build())));
      List<MultiInferenceResult> both = client.unwrap(TfServingGrpcExtension.class).multiInference(List.of(
          new MultiInferenceTask(ModelRef.of(KitModels.CLASSIFIER), null, MultiInferenceTask.Method.CLASSIFY)),
          flowers);
      assertEquals(1, both.size());
      assertEquals(MultiInferenceTask.Method.CLASSIFY, both.get(0).method());
      assertEquals(classes, both.get(0).classifications());
    }
  }

  @Test
  void statusMetadataAndReadiness() {
    try (InferenceClient client = client()) {
      List<ModelVersionStatus> status = client.unwrap(TensorFlowServing.class).modelStatus(ModelRef.of(KitModels.VERSIONED));
      assertEquals(2, status.size());
      assertTrue(status.stream().allMatch(ModelVersionStatus::isAvailable));
      ModelMetadata md = client.modelMetadata(ModelRef.of(KitModels.ADD_ONE));
      assertEquals("x", md.inputs().get(0).name());
      assertEquals("y", md.outputs().get(0).name());
      assertTrue(client.modelReady(ModelRef.of(KitModels.ADD_ONE)));
      assertFalse(client.modelReady(ModelRef.of("no_such_model")));
      assertThrows(ModelNotFoundException.class, () -> client.modelMetadata(ModelRef.of("no_such_model")));
    }
  }

  @Test
  void reloadConfigSendsTheWholeConfiguration() {
    TfServingGrpcFrontend frontend = new TfServingGrpcFrontend();
    try (Emulator own = Emulator.builder().frontend(frontend).build().start();
        InferenceClient client = InferenceClient.create(own.endpoint("tfserving+grpc"))) {
      ReloadResult result = client.unwrap(TfServingGrpcExtension.class).reloadConfig(List.of(
          new ModelConfigEntry(KitModels.ADD_ONE, "/models/add_one", "tensorflow",
              ModelConfigEntry.VersionPolicy.specific(1, 3), Map.of("stable", 1L))));
      assertTrue(result.isOk(), result.toString());
      String received = String.valueOf(frontend.lastReloadConfig());
      assertTrue(received.contains("/models/add_one"), received);
    }
  }

  @Test
  void answersLargerThanTheMessageLimitAreRefused() {
    try (InferenceClient client = InferenceClient.create(emulator.endpoint("tfserving+grpc"),
        ClientOptions.builder().maxMessageSize(64 * 1024).build())) {
      Tensor big = KitTensors.large("big", 1);
      assertThrows(ResourceExhaustedException.class,
          () -> client.infer(InferenceRequest.builder(KitModels.IDENTITY).input(big).build()));
    }
  }

  @Test
  void mutualTlsAndTheAuthorityOverrideVerifiedByTheCertificate() {
    TestCertificates certs = TestCertificates.create(TestCertificates.KeyType.EC_P256, "router.example.com");
    try (Emulator secure = Emulator.builder().frontend(TfServingGrpcFrontend.builder().mutualTls(certs).build()).build().start()) {
      String endpoint = secure.endpoint("tfserving+grpcs");
      InferenceRequest request = InferenceRequest.builder(KitModels.ADD_ONE).input(Tensor.ofFloats("x", new float[] {1f}, 1)).build();
      ClientOptions.Builder trusted = ClientOptions.builder().trustCertificatesPem(certs.caCertificatePem())
          .authority("router.example.com");
      try (InferenceClient client = InferenceClient.create(endpoint, trusted
          .clientCertificatePem(certs.clientCertificateChainPem(), certs.clientPrivateKeyPem()).build())) {
        assertArrayEquals(new float[] {2f}, client.infer(request).output("y").toFloatArray());
      }
      try (InferenceClient noClientCert = InferenceClient.create(endpoint, ClientOptions.builder()
          .trustCertificatesPem(certs.caCertificatePem()).authority("router.example.com").build())) {
        assertThrows(UnavailableException.class, () -> noClientCert.infer(request));
      }
      try (InferenceClient wrongName = InferenceClient.create(endpoint, ClientOptions.builder()
          .trustCertificatesPem(certs.caCertificatePem())
          .clientCertificatePem(certs.clientCertificateChainPem(), certs.clientPrivateKeyPem()).build())) {
        assertThrows(UnavailableException.class, () -> wrongName.infer(request), "127.0.0.1 is not in the certificate");
      }
    }
  }

  @Test
  void tlsMaterialOnAPlaintextSchemeAndUnknownOptionsAreRefused() {
    assertThrows(ProviderConfigurationException.class, () -> InferenceClient.create("tfserving+grpc://127.0.0.1:1",
        ClientOptions.builder().trustCertificatesPem("x".getBytes()).build()));
    assertThrows(ProviderConfigurationException.class, () -> InferenceClient.create("tfserving+grpc://127.0.0.1:1?foo=bar"));
  }
}
