package io.inferlink.examples.torchserve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.ResourceExhaustedException;
import io.inferlink.Tensor;
import io.inferlink.UnavailableException;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.TestCertificates;
import io.inferlink.examples.torchserve.emulator.TorchServeFrontend;
import io.inferlink.examples.torchserve.emulator.TorchServeManagementFrontend;
import io.inferlink.testkit.KitModels;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the template refuses, and what it does beyond the kit: management credentials, TLS, the body cap. */
class TorchServeProviderTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().maxLifetime(Duration.ofMinutes(5))
        .frontend(new TorchServeFrontend()).frontend(new TorchServeManagementFrontend()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static String endpoint() {
    return emulator.endpoint("torchserve+http") + "?management-port=" + emulator.port(TorchServeManagementFrontend.PROTOCOL);
  }

  @Test
  void a404ThatIsNoTorchServeErrorSaysTheBasePathIsWrong() {
    try (InferenceClient client = InferenceClient.create(emulator.endpoint("torchserve+http") + "/wrong")) {
      InferenceRequest request = InferenceRequest.builder(KitModels.ADD_ONE)
          .input(Tensor.ofFloats("x", new float[] {1f}, 1, 1)).build();
      ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> client.infer(request));
      assertEquals(404, e.httpStatus());
      assertTrue(e.getMessage().contains("/wrong/predictions/add_one answered HTTP 404"), e.getMessage());
    }
  }

  @Test
  void whatTheTemplateCannotDoIsRefusedWithTheReason() {
    String plain = emulator.endpoint("torchserve+http");
    ProviderConfigurationException authority = assertThrows(ProviderConfigurationException.class,
        () -> InferenceClient.create(plain, ClientOptions.builder().authority("svc.example.com").build()));
    assertTrue(authority.getMessage().contains("Host"), authority.getMessage());
    ProviderConfigurationException userInfo = assertThrows(ProviderConfigurationException.class,
        () -> InferenceClient.create(plain.replace("://", "://user:secret@")));
    assertTrue(!userInfo.getMessage().contains("secret"), "the password must not be repeated: " + userInfo.getMessage());
    ProviderConfigurationException typo = assertThrows(ProviderConfigurationException.class,
        () -> InferenceClient.create(plain + "?managment-port=9"));
    assertTrue(typo.getMessage().contains("managment-port") && typo.getMessage().contains("management-port"),
        typo.getMessage());
    assertThrows(ProviderConfigurationException.class, () -> InferenceClient.create(plain + "?management-port=70000"));
  }

  @Test
  void managementCallsCarryTheManagementKeyAndInferenceCallsTheInferenceKey() {
    ClientOptions.Builder keys = ClientOptions.builder().bearerToken("inference-key")
        .option(TorchServeOptions.MANAGEMENT_TOKEN, "management-key");
    try (InferenceClient client = InferenceClient.create(endpoint(),
        keys.header(KitModels.CALL_ID_HEADER, "ts-management").build())) {
      assertTrue(client.modelReady(ModelRef.of(KitModels.ADD_ONE)));
    }
    try (InferenceClient client = InferenceClient.create(endpoint(),
        keys.header(KitModels.CALL_ID_HEADER, "ts-inference").build())) {
      client.infer(addOne(1f));
    }
    Map<String, String> management = emulator.recorder().headersOfCall("ts-management", WAIT).orElseThrow();
    Map<String, String> inference = emulator.recorder().headersOfCall("ts-inference", WAIT).orElseThrow();
    assertEquals("Bearer management-key", management.get("authorization"));
    assertEquals("Bearer inference-key", inference.get("authorization"));
  }

  @Test
  void aRequestsOwnHeadersGoWithThatCallOnly() {
    try (InferenceClient client = InferenceClient.create(endpoint())) {
      client.infer(InferenceRequest.builder(KitModels.ADD_ONE).input(Tensor.ofFloats("x", new float[] {1f}, 1))
          .header(KitModels.CALL_ID_HEADER, "ts-per-call").header("x-per-call", "one").build());
      client.infer(InferenceRequest.builder(KitModels.ADD_ONE).input(Tensor.ofFloats("x", new float[] {1f}, 1))
          .header(KitModels.CALL_ID_HEADER, "ts-per-call-2").build());
    }
    assertEquals("one", emulator.recorder().headersOfCall("ts-per-call", WAIT).orElseThrow().get("x-per-call"));
    assertTrue(!emulator.recorder().headersOfCall("ts-per-call-2", WAIT).orElseThrow().containsKey("x-per-call"),
        "a request's header must not stick to the client");
  }

  @Test
  void httpsVerifiesTheServerWithTheGivenTrust() {
    TestCertificates certificates = TestCertificates.create();
    try (Emulator tls = Emulator.builder().maxLifetime(Duration.ofMinutes(2))
        .frontend(TorchServeFrontend.withTls(certificates)).build().start()) {
      String endpoint = tls.endpoint("torchserve+https");
      ClientOptions trusted = ClientOptions.builder().trustCertificatesPem(certificates.caCertificatePem()).build();
      try (InferenceClient client = InferenceClient.create(endpoint, trusted)) {
        assertArrayEquals(new float[] {3f}, client.infer(addOne(2f)).output("y").toFloatArray());
      }
      try (InferenceClient untrusted = InferenceClient.create(endpoint)) {
        assertThrows(UnavailableException.class, () -> untrusted.infer(addOne(2f)));
      }
    }
  }

  @Test
  void anAnswerLargerThanMaxMessageSizeIsRefusedWhileReading() {
    Tensor big = Tensor.ofFloats("x", new float[4096], 4096);
    try (InferenceClient client = InferenceClient.create(endpoint(), ClientOptions.builder().maxMessageSize(4096).build())) {
      ResourceExhaustedException e = assertThrows(ResourceExhaustedException.class,
          () -> client.infer(InferenceRequest.builder(KitModels.IDENTITY).input(big).build()));
      assertTrue(e.getMessage().contains("maxMessageSize"), e.getMessage());
      assertArrayEquals(new float[] {3f}, client.infer(addOne(2f)).output("y").toFloatArray(), "the client still works");
    }
  }

  @Test
  void aServerThatIsGoneIsUnavailable() {
    String endpoint;
    try (Emulator gone = Emulator.builder().frontend(new TorchServeFrontend()).build().start()) {
      endpoint = gone.endpoint("torchserve+http");
    }
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      assertThrows(UnavailableException.class, () -> client.infer(addOne(1f)));
      assertThrows(UnavailableException.class, client::serverLive);
    }
  }

  private static InferenceRequest addOne(float x) {
    return InferenceRequest.builder(KitModels.ADD_ONE).input(Tensor.ofFloats("x", new float[] {x}, 1)).build();
  }
}
