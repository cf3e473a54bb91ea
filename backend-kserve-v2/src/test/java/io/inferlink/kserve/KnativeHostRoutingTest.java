package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.UnavailableException;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.TestCertificates;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.testkit.KitModels;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Knative/Istio routing (PROTOCOLS.md §3.8): the gateway routes on the {@code Host} header (REST) or
 * the HTTP/2 {@code :authority} (gRPC), e.g. {@code flower-sample.default.example.com}, while the
 * socket goes to the gateway's address. Here the "gateway" is the emulator on 127.0.0.1: the call only
 * succeeds if the socket went there, and the server records what name arrived. With TLS the override
 * is also the name the certificate must carry: the certificates below are made for the service name
 * only, not for 127.0.0.1.
 */
class KnativeHostRoutingTest {
  private static final String SERVICE_HOST = "flower-sample.default.example.com";
  private static final Duration WAIT = Duration.ofSeconds(5);

  private static TestCertificates certificates;
  private static Emulator plain;
  private static Emulator tls;

  @BeforeAll
  static void start() {
    certificates = TestCertificates.create(TestCertificates.KeyType.EC_P256, SERVICE_HOST);
    plain = Emulator.builder().maxLifetime(Duration.ofMinutes(5))
        .frontend(new OipRestFrontend()).frontend(new OipGrpcFrontend()).build().start();
    tls = Emulator.builder().maxLifetime(Duration.ofMinutes(5))
        .frontend(OipRestFrontend.builder().tls(certificates).build())
        .frontend(OipGrpcFrontend.builder().tls(certificates).build()).build().start();
  }

  @AfterAll
  static void stop() {
    plain.close();
    tls.close();
  }

  private static ClientOptions routed(String callId, boolean withTls) {
    ClientOptions.Builder b = ClientOptions.builder().authority(SERVICE_HOST).header(KitModels.CALL_ID_HEADER, callId);
    if (withTls) {
      b.trustCertificatesPem(certificates.caCertificatePem());
    }
    return b.build();
  }

  /** Runs one inference with the override and returns the headers the server recorded for it. */
  private static Map<String, String> seenBy(Emulator emulator, String scheme, String callId, boolean withTls) {
    String endpoint = emulator.endpoint(scheme);
    assertTrue(endpoint.startsWith(scheme + "://127.0.0.1:"), endpoint);
    try (InferenceClient client = InferenceClient.create(endpoint, routed(callId, withTls))) {
      assertArrayEquals(new float[] {2f}, client.infer(RepositoryEmulator.addOne()).output(KitModels.ADD_ONE_OUTPUT)
          .toFloatArray());
    }
    return emulator.recorder().headersOfCall(callId, WAIT).orElseThrow();
  }

  @Test
  void restSendsTheOverrideAsHost() {
    assertEquals(SERVICE_HOST, seenBy(plain, "kserve-v2+http", "knative-rest-1", false).get("host"));
  }

  @Test
  void grpcSendsTheOverrideAsAuthority() {
    assertEquals(SERVICE_HOST, seenBy(plain, "kserve-v2+grpc", "knative-grpc-1", false).get(":authority"));
  }

  @Test
  void withoutAnOverrideTheEndpointIsTheHost() {
    String endpoint = plain.endpoint("kserve-v2+http");
    try (InferenceClient client = InferenceClient.create(endpoint,
        ClientOptions.builder().header(KitModels.CALL_ID_HEADER, "knative-rest-0").build())) {
      client.infer(RepositoryEmulator.addOne());
    }
    assertEquals(endpoint.substring("kserve-v2+http://".length()),
        plain.recorder().headersOfCall("knative-rest-0", WAIT).orElseThrow().get("host"));
  }

  @Test
  void httpsVerifiesTheOverrideAndSendsItAsHost() {
    assertEquals(SERVICE_HOST, seenBy(tls, "kserve-v2+https", "knative-https-1", true).get("host"));
  }

  @Test
  void grpcsVerifiesTheOverrideAndSendsItAsAuthority() {
    assertEquals(SERVICE_HOST, seenBy(tls, "kserve-v2+grpcs", "knative-grpcs-1", true).get(":authority"));
  }

  @Test
  void withoutTheOverrideTheServiceCertificateDoesNotMatch127001() {
    // The proof that the override is the verified name: the same certificate fails for the address.
    ClientOptions trustOnly = ClientOptions.builder().trustCertificatesPem(certificates.caCertificatePem()).build();
    for (String scheme : new String[] {"kserve-v2+https", "kserve-v2+grpcs"}) {
      try (InferenceClient client = InferenceClient.create(tls.endpoint(scheme), trustOnly)) {
        assertThrows(UnavailableException.class, () -> client.infer(RepositoryEmulator.addOne()), scheme);
      }
    }
  }

  @Test
  void anOverrideWithAPortIsSentAsIs() {
    String endpoint = plain.endpoint("kserve-v2+grpc");
    ClientOptions options = ClientOptions.builder().authority(SERVICE_HOST + ":8081")
        .header(KitModels.CALL_ID_HEADER, "knative-grpc-port").build();
    try (InferenceClient client = InferenceClient.create(endpoint, options)) {
      client.infer(RepositoryEmulator.addOne());
    }
    assertEquals(SERVICE_HOST + ":8081",
        plain.recorder().headersOfCall("knative-grpc-port", WAIT).orElseThrow().get(":authority"));
    ClientOptions rest = ClientOptions.builder().authority(SERVICE_HOST + ":8080")
        .header(KitModels.CALL_ID_HEADER, "knative-rest-port").build();
    try (InferenceClient client = InferenceClient.create(plain.endpoint("kserve-v2+http"), rest)) {
      client.infer(RepositoryEmulator.addOne());
    }
    assertEquals(SERVICE_HOST + ":8080",
        plain.recorder().headersOfCall("knative-rest-port", WAIT).orElseThrow().get("host"));
  }
}
