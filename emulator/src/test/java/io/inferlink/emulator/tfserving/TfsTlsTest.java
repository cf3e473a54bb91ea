package io.inferlink.emulator.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.KitContract;
import io.inferlink.emulator.RawHttp;
import io.inferlink.emulator.TestCertificates;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** TLS and mutual TLS with {@link TestCertificates}, seen from the JDK's HTTP client and raw TLS sockets. */
class TfsTlsTest {
  private static final TestCertificates CERTS = TestCertificates.create();
  private static final TestCertificates STRANGER = TestCertificates.create();

  @Test
  void tlsServesClientsThatTrustTheCa() throws Exception {
    try (Emulator emulator = start(TfServingRestFrontend.builder().tls(CERTS).build())) {
      int port = emulator.port(TfServingRestFrontend.PROTOCOL);
      assertEquals("tfserving+https://127.0.0.1:" + port, emulator.endpoint("tfserving+https"));
      assertEquals("paperspace+https://127.0.0.1:" + port, emulator.endpoint("paperspace+https"));
      assertThrows(IllegalArgumentException.class, () -> emulator.endpoint("tfserving+http"));
      assertEquals(200, https(TlsContexts.client(CERTS, null), port).get("/v1/models/add_one").status());
      TfsClient untrusting = https(TlsContexts.client(STRANGER, null), port);
      assertThrows(UncheckedIOException.class, () -> untrusting.get("/v1/models/add_one"));
    }
  }

  @Test
  void mutualTlsRequiresAClientCertificateOfTheCa() throws Exception {
    try (Emulator emulator = start(TfServingRestFrontend.builder().mutualTls(CERTS).build())) {
      int port = emulator.port(TfServingRestFrontend.PROTOCOL);
      TfsClient.Reply reply = https(TlsContexts.client(CERTS, CERTS), port).post("/v1/models/add_one:predict", "{\"inputs\": [1]}");
      assertEquals(200, reply.status());
      assertEquals(TfsClient.expected("{'outputs': [2.0]}"), reply.json());
      TfsClient anonymous = https(TlsContexts.client(CERTS, null), port);
      assertThrows(UncheckedIOException.class, () -> anonymous.get("/v1/models/add_one"));
      TfsClient foreign = https(TlsContexts.client(CERTS, STRANGER), port);
      assertThrows(UncheckedIOException.class, () -> foreign.get("/v1/models/add_one"));
    }
  }

  @Test
  void rsaCertificatesWorkToo() throws Exception {
    TestCertificates rsa = TestCertificates.create(TestCertificates.KeyType.RSA_2048, "localhost", "127.0.0.1");
    try (Emulator emulator = start(TfServingRestFrontend.builder().mutualTls(rsa).build())) {
      assertEquals(200, https(TlsContexts.client(rsa, rsa), emulator.port(TfServingRestFrontend.PROTOCOL))
          .get("/v1/models/add_one").status());
    }
  }

  @Test
  void keepAliveAndHangUpsWorkOverTls() throws Exception {
    try (Emulator emulator = start(TfServingRestFrontend.builder().tls(CERTS).build())) {
      int port = emulator.port(TfServingRestFrontend.PROTOCOL);
      SSLContext context = TlsContexts.client(CERTS, null);
      try (RawHttp client = new RawHttp(context.getSocketFactory().createSocket("127.0.0.1", port))) {
        client.send(RawHttp.request("GET", "/v1/models/add_one", null));
        assertEquals(200, client.read().status());
        client.send(RawHttp.request("GET", "/v1/models/nope", null));
        assertEquals(404, client.read().status());
        client.send(RawHttp.request("POST", "/v1/models/sleep:predict", "{\"inputs\": [30000]}",
            KitContract.CALL_ID_HEADER + ": tls-cancel-1"));
        assertTrue(emulator.recorder().headersOfCall("tls-cancel-1", Duration.ofSeconds(5)).isPresent());
      }
      assertTrue(emulator.recorder().awaitCancelled("tls-cancel-1", Duration.ofSeconds(5)));
      try (RawHttp idle = new RawHttp(context.getSocketFactory().createSocket("127.0.0.1", port))) {
        assertEquals(200, idle.send(RawHttp.request("GET", "/v1/models/add_one", null)).read().status());
        emulator.close();
        assertTrue(idle.closedByServer(), "close() left a TLS connection open");
      }
    }
    assertTrue(awaitNoThreads("inferlink-emulator-" + TfServingRestFrontend.PROTOCOL), "threads left after close()");
  }

  private static boolean awaitNoThreads(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().startsWith(prefix))) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  @Test
  void theServerPresentsTheChainForItsNames() throws Exception {
    try (Emulator emulator = start(TfServingRestFrontend.builder().tls(CERTS).build());
        SSLSocket socket = (SSLSocket) TlsContexts.client(CERTS, null).getSocketFactory()
            .createSocket("127.0.0.1", emulator.port(TfServingRestFrontend.PROTOCOL))) {
      socket.startHandshake();
      assertEquals(2, socket.getSession().getPeerCertificates().length);
      assertEquals(TlsContexts.certificates(CERTS.serverCertificatePem())[0], socket.getSession().getPeerCertificates()[0]);
    }
  }

  @Test
  void badPemIsRefusedWhenTheFrontendIsBuilt() {
    assertThrows(IllegalArgumentException.class,
        () -> TfServingRestFrontend.builder().tls("junk".getBytes(), CERTS.serverPrivateKeyPem()).build());
    assertThrows(IllegalArgumentException.class,
        () -> TfServingRestFrontend.builder().tls(CERTS.serverCertificateChainPem(), CERTS.caCertificatePem()).build());
  }

  private static Emulator start(TfServingRestFrontend frontend) {
    return Emulator.builder().frontend(frontend).build().start();
  }

  private static TfsClient https(SSLContext context, int port) {
    HttpClient client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    return new TfsClient(client, "https://127.0.0.1:" + port);
  }
}
