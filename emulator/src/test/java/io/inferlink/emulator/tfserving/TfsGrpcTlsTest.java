package io.inferlink.emulator.tfserving;

import static io.inferlink.emulator.tfserving.TfsGrpcClient.floatVal;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.predict;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.TestCertificates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TLS and mutual TLS with {@link TestCertificates}, seen from grpc-java's own TLS channel credentials. */
class TfsGrpcTlsTest {
  private static final TestCertificates CERTS = TestCertificates.create();
  private static final TestCertificates STRANGER = TestCertificates.create();

  @Test
  void tlsServesClientsThatTrustTheCa() throws Exception {
    try (Emulator emulator = start(TfServingGrpcFrontend.builder().tls(CERTS).build())) {
      int port = emulator.port(TfServingGrpcFrontend.PROTOCOL);
      assertEquals("tfserving+grpcs://127.0.0.1:" + port, emulator.endpoint("tfserving+grpcs"));
      assertThrows(IllegalArgumentException.class, () -> emulator.endpoint("tfserving+grpc"));
      assertWorks(port, credentials(CERTS, null));
      assertRefused(port, credentials(STRANGER, null));
      assertRefused(port, InsecureChannelCredentials.create());
    }
  }

  @Test
  void mutualTlsRequiresAClientCertificateOfTheCa() throws Exception {
    try (Emulator emulator = start(TfServingGrpcFrontend.builder().mutualTls(CERTS).build())) {
      int port = emulator.port(TfServingGrpcFrontend.PROTOCOL);
      assertWorks(port, credentials(CERTS, CERTS));
      assertRefused(port, credentials(CERTS, null));
      assertRefused(port, credentials(CERTS, STRANGER));
    }
  }

  @Test
  void rsaCertificatesWorkToo() throws Exception {
    TestCertificates rsa = TestCertificates.create(TestCertificates.KeyType.RSA_2048, "localhost", "127.0.0.1");
    try (Emulator emulator = start(TfServingGrpcFrontend.builder().mutualTls(rsa).build())) {
      assertWorks(emulator.port(TfServingGrpcFrontend.PROTOCOL), credentials(rsa, rsa));
    }
  }

  @Test
  void badPemIsRefusedWhenTheFrontendIsBuilt() {
    assertThrows(IllegalArgumentException.class,
        () -> TfServingGrpcFrontend.builder().tls("junk".getBytes(), CERTS.serverPrivateKeyPem()).build());
    assertThrows(IllegalArgumentException.class,
        () -> TfServingGrpcFrontend.builder().tls(CERTS.serverCertificateChainPem(), CERTS.caCertificatePem()).build());
  }

  private static void assertWorks(int port, ChannelCredentials credentials) throws InterruptedException {
    try (TfsGrpcClient client = new TfsGrpcClient(port, credentials)) {
      assertEquals(List.of(2f), client.predict.predict(predict(spec("add_one"), "x", floatVal(new float[] {1f}, 1)))
          .getOutputsOrThrow("y").getFloatValList());
    }
  }

  private static void assertRefused(int port, ChannelCredentials credentials) throws InterruptedException {
    try (TfsGrpcClient client = new TfsGrpcClient(port, credentials)) {
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
          () -> client.predict.predict(predict(spec("add_one"), "x", floatVal(new float[] {1f}, 1))));
      assertTrue(e.getStatus().getCode() == Status.Code.UNAVAILABLE || e.getStatus().getCode() == Status.Code.UNKNOWN,
          "a failed handshake shows as UNAVAILABLE: " + e.getStatus());
    }
  }

  /** Trusts the CA of {@code trusted}; presents the client certificate of {@code identity} when not null. */
  private static ChannelCredentials credentials(TestCertificates trusted, TestCertificates identity) throws IOException {
    TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder()
        .trustManager(new ByteArrayInputStream(trusted.caCertificatePem()));
    if (identity != null) {
      b.keyManager(new ByteArrayInputStream(identity.clientCertificateChainPem()),
          new ByteArrayInputStream(identity.clientPrivateKeyPem()));
    }
    return b.build();
  }

  private static Emulator start(TfServingGrpcFrontend frontend) {
    return Emulator.builder().frontend(frontend).build().start();
  }
}
