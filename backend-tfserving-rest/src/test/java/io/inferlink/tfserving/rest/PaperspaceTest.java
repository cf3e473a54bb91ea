package io.inferlink.tfserving.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.AuthenticationException;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.TestCertificates;
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

/**
 * Paperspace Gradient: each legacy path form ({@code /model-serving/<id>} for status, with
 * {@code /versions/N}, {@code /metadata}, {@code :predict}, {@code :classify}, {@code :regress}),
 * Basic credentials (missing, wrong, right, never printed), and the current {@code paperspace+https}
 * deployments with their secret.
 */
class PaperspaceTest {
  private static final String USER = "pineapple";
  private static final String PASSWORD = "fanatic-s3cret";
  private static final String SECRET = "deploy-secret-42";

  private static Emulator legacy;
  private static TfServingRestFrontend legacyFrontend;
  private static TestCertificates certificates;
  private static Emulator current;

  @BeforeAll
  static void start() {
    legacyFrontend = TfServingRestFrontend.builder().paperspaceLegacy()
        .deployment("dep-add", KitModels.ADD_ONE).deployment("dep-versions", KitModels.VERSIONED)
        .deployment("dep-classes", KitModels.CLASSIFIER).basicAuth(USER, PASSWORD).build();
    legacy = Emulator.builder().frontend(legacyFrontend).build().start();
    certificates = TestCertificates.create();
    current = Emulator.builder()
        .frontend(TfServingRestFrontend.builder().tls(certificates).basicAuth("paperspace", SECRET).build())
        .build().start();
  }

  @AfterAll
  static void stop() {
    legacy.close();
    current.close();
  }

  private static InferenceClient legacyClient(String deployment, ClientOptions.Builder options) {
    String root = legacyFrontend.deploymentUrl(legacy, deployment);
    root = root.substring(0, root.lastIndexOf('/'));
    return InferenceClient.create("paperspace://" + deployment, options.option("service-root", root).build());
  }

  private static ClientOptions.Builder basic() {
    return ClientOptions.builder().basicAuth(USER, PASSWORD);
  }

  @Test
  void legacyPredictGoesToTheDeploymentWhateverTheModelName() {
    try (InferenceClient client = legacyClient("dep-add", basic())) {
      Tensor y = client.infer(InferenceRequest.builder("any-name")
          .input(Tensor.ofFloats("x", new float[] {1f, 2.5f}, 1, 2)).build()).output("y");
      assertArrayEquals(new float[] {2f, 3.5f}, y.toFloatArray());
    }
  }

  @Test
  void legacyVersionPathsReachTheNamedVersion() {
    try (InferenceClient client = legacyClient("dep-versions", basic())) {
      for (String version : List.of("1", "2")) {
        Tensor answered = client.infer(InferenceRequest.builder(ModelRef.of("m", version))
            .input(Tensor.ofFloats("x", new float[] {1f}, 1)).build()).output(KitModels.VERSIONED_OUTPUT);
        assertEquals(Long.parseLong(version), answered.getLong(0));
      }
      List<ModelVersionStatus> one = client.unwrap(TensorFlowServing.class).modelStatus(ModelRef.of("m", "1"));
      assertEquals(1, one.size());
      assertEquals(1L, one.get(0).version());
    }
  }

  @Test
  void legacyStatusAndMetadata() {
    try (InferenceClient client = legacyClient("dep-add", basic())) {
      List<ModelVersionStatus> status = client.unwrap(TensorFlowServing.class).modelStatus(ModelRef.of("m"));
      assertFalse(status.isEmpty());
      assertTrue(status.stream().allMatch(ModelVersionStatus::isAvailable), status.toString());
      assertTrue(client.modelReady(ModelRef.of("m")));
      ModelMetadata md = client.modelMetadata(ModelRef.of("m"));
      assertEquals(List.of(new TensorSpec("x", DataType.FP32, new long[] {-1, -1})), md.inputs());
      assertEquals(List.of(new TensorSpec("y", DataType.FP32, new long[] {-1, -1})), md.outputs());
    }
  }

  @Test
  void legacyClassifyAndRegress() {
    TensorFlowServing classes;
    try (InferenceClient client = legacyClient("dep-classes", basic())) {
      classes = client.unwrap(TensorFlowServing.class);
      List<List<Classification>> result = classes.classify(ModelRef.of("m"), null,
          ExampleInput.of(Example.builder().floats("x", 5.1f, 3.5f, 1.4f, 0.2f).build()));
      assertEquals(1, result.size());
      assertEquals(KitModels.CLASSES, result.get(0).stream().map(Classification::label).toList());
    }
    try (InferenceClient client = legacyClient("dep-add", basic())) {
      List<Float> values = client.unwrap(TensorFlowServing.class).regress(ModelRef.of("m"), null,
          ExampleInput.of(Example.builder().floats("x", 1.5f).build(), Example.builder().floats("x", -2f).build()));
      assertEquals(List.of(2.5f, -1f), values);
    }
  }

  @Test
  void legacyDeploymentsHaveNoLabelsSoALabelIsRefusedBeforeSending() {
    try (InferenceClient client = legacyClient("dep-add", basic())) {
      InferenceRequest request = InferenceRequest.builder(ModelRef.withLabel("m", "stable"))
          .input(Tensor.ofFloats("x", new float[] {1f}, 1)).build();
      assertThrows(UnsupportedFeatureException.class, () -> client.infer(request));
    }
  }

  @Test
  void missingCredentialsSayWhatToSetAndWrongOnesSayTheyWereRefused() {
    InferenceRequest request = InferenceRequest.builder("m").input(Tensor.ofFloats("x", new float[] {1f}, 1)).build();
    try (InferenceClient client = legacyClient("dep-add", ClientOptions.builder())) {
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.infer(request));
      assertEquals(401, e.httpStatus());
      assertTrue(e.getMessage().contains("INFERLINK_PAPERSPACE_SECRET"), e.getMessage());
    }
    try (InferenceClient client = legacyClient("dep-add", ClientOptions.builder().basicAuth(USER, "wrong-" + PASSWORD))) {
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.infer(request));
      assertTrue(e.getMessage().contains("refused"), e.getMessage());
      assertNoSecretIn(e, PASSWORD);
    }
  }

  @Test
  void currentDeploymentTakesItsSecretFromTheOptionAsBasicPaperspace() {
    String endpoint = current.endpoint("paperspace+https");
    ClientOptions.Builder tls = ClientOptions.builder().trustCertificatesPem(certificates.caCertificatePem());
    InferenceRequest request = InferenceRequest.builder(KitModels.ADD_ONE)
        .input(Tensor.ofFloats("x", new float[] {1f}, 1)).build();
    try (InferenceClient client = InferenceClient.create(endpoint, tls.option("paperspace-secret", SECRET).build())) {
      assertArrayEquals(new float[] {2f}, client.infer(request).output("y").toFloatArray());
      assertFalse(client.toString().contains(SECRET));
    }
    try (InferenceClient client = InferenceClient.create(endpoint,
        ClientOptions.builder().trustCertificatesPem(certificates.caCertificatePem()).option("paperspace-secret", "old-secret").build())) {
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.infer(request));
      assertTrue(e.getMessage().contains("paperspace-secret option"), e.getMessage());
      assertNoSecretIn(e, "old-secret");
    }
  }

  @Test
  void theOpenInferenceProtocolNeedsItsBackendOnTheClassPath() {
    ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
        () -> InferenceClient.create("paperspace+https://d123.example.com?protocol=kserve-v2"));
    assertTrue(e.getMessage().contains("backend-kserve-v2"), e.getMessage());
  }

  @Test
  void misspeltOptionsAreRefused() {
    ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
        () -> InferenceClient.create("paperspace+https://d123.example.com?protocl=kserve-v2"));
    assertTrue(e.getMessage().contains("protocl"), e.getMessage());
  }

  private static void assertNoSecretIn(InferenceException e, String secret) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(secret), "secret in " + t);
    }
    assertInstanceOf(AuthenticationException.class, e);
  }
}
