package io.inferlink.transport.http.internal;

import static io.inferlink.transport.http.internal.TransportTests.await;
import static io.inferlink.transport.http.internal.TransportTests.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.UnavailableException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTPS against certificates made for the test: trust, host names, the authority override and mutual TLS. */
class HttpTransportTlsTest {
  private static TestPki.Identity ca;
  private static TestPki.Identity otherCa;
  private static TestPki.Identity loopbackServer;
  private static TestPki.Identity overrideServer;
  private static TestPki.Identity client;

  /** Answers with the client certificate's subject, or "anonymous". */
  private static final RawHttpServer.Handler WHO = (r, c) -> {
    String who;
    try {
      who = ((SSLSocket) c.socket).getSession().getPeerPrincipal().getName();
    } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
      who = "anonymous";
    }
    c.reply(200, "text/plain", who);
  };

  @BeforeAll
  static void pki() throws Exception {
    ca = TestPki.ca("Inferlink Test CA");
    otherCa = TestPki.ca("Some Other CA");
    loopbackServer = TestPki.server(ca, "localhost", "ip:127.0.0.1");
    overrideServer = TestPki.server(ca, "override.test");
    client = TestPki.client(ca, "test-client");
  }

  private static HttpTransport https(RawHttpServer s, ClientOptions options) {
    return HttpTransport.create(new HttpTarget(true, "127.0.0.1", s.port(), ""), options, "p");
  }

  private static RawHttpServer server(TestPki.Identity identity, boolean needClientAuth) throws Exception {
    return new RawHttpServer(WHO, TestPki.serverContext(identity, ca), needClientAuth);
  }

  @Test
  void trustedServerCertificateWorks() throws Exception {
    try (RawHttpServer s = server(loopbackServer, false);
        HttpTransport t = https(s, ClientOptions.builder().trustCertificatesPem(ca.certPem()).build())) {
      HttpResult r = await(t.send(HttpRequestSpec.get("/v1/models/m").build()));
      assertEquals(200, r.status());
      assertEquals("anonymous", r.body().toUtf8(100));
      assertEquals("127.0.0.1:" + s.port(), s.take().header("Host"));
    }
  }

  @Test
  void untrustedServerCertificateIsUnavailable() throws Exception {
    try (RawHttpServer s = server(loopbackServer, false);
        HttpTransport other = https(s, ClientOptions.builder().trustCertificatesPem(otherCa.certPem()).build());
        HttpTransport system = https(s, ClientOptions.defaults())) {
      for (HttpTransport t : new HttpTransport[] {other, system}) {
        Throwable e = failure(t.send(HttpRequestSpec.get("/").build()));
        assertInstanceOf(UnavailableException.class, e);
        assertTrue(e.getMessage().startsWith("TLS with https://127.0.0.1:" + s.port() + " failed"), e.getMessage());
      }
      assertEquals(0, s.requests.size());
    }
  }

  @Test
  void certificateForAnotherHostIsRefused() throws Exception {
    try (RawHttpServer s = server(overrideServer, false);
        HttpTransport t = https(s, ClientOptions.builder().trustCertificatesPem(ca.certPem()).build())) {
      Throwable e = failure(t.send(HttpRequestSpec.get("/").build()));
      assertInstanceOf(UnavailableException.class, e);
      assertTrue(e.getMessage().contains("TLS"), e.getMessage());
      assertEquals(0, s.requests.size());
    }
  }

  @Test
  void authorityOverrideIsTheNameVerifiedAndTheHostSent() throws Exception {
    ClientOptions options = ClientOptions.builder().trustCertificatesPem(ca.certPem()).authority("override.test").build();
    try (RawHttpServer s = server(overrideServer, false); HttpTransport t = https(s, options)) {
      assertEquals(200, await(t.send(HttpRequestSpec.get("/").build())).status());
      assertEquals("override.test", s.take().header("Host"));
    }
    // ...and the override does not switch verification off: a certificate for the IP no longer passes.
    try (RawHttpServer s = server(loopbackServer, false); HttpTransport t = https(s, options)) {
      assertInstanceOf(UnavailableException.class, failure(t.send(HttpRequestSpec.get("/").build())));
    }
  }

  @Test
  void mutualTlsPresentsTheClientCertificate() throws Exception {
    ClientOptions options = ClientOptions.builder().trustCertificatesPem(ca.certPem())
        .clientCertificatePem(client.certPem(), client.keyPem()).build();
    try (RawHttpServer s = server(loopbackServer, true); HttpTransport t = https(s, options)) {
      assertEquals("CN=test-client", await(t.send(HttpRequestSpec.get("/").build())).body().toUtf8(100));
      assertEquals("CN=test-client", await(t.send(HttpRequestSpec.get("/").build())).body().toUtf8(100));
      assertEquals(1, s.connections()); // client-certificate connections are reused
    }
  }

  @Test
  void serverRequiringAClientCertificateRejectsACallWithout() throws Exception {
    try (RawHttpServer s = server(loopbackServer, true);
        HttpTransport t = https(s, ClientOptions.builder().trustCertificatesPem(ca.certPem()).build())) {
      assertInstanceOf(UnavailableException.class, failure(t.send(HttpRequestSpec.get("/").build())));
      assertEquals(0, s.requests.size());
    }
  }

  @Test
  void badPemFailsAtCreation() {
    ClientOptions options = ClientOptions.builder()
        .trustCertificatesPem("not a certificate".getBytes(StandardCharsets.US_ASCII)).build();
    ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
        () -> HttpTransport.create(new HttpTarget(true, "127.0.0.1", 1, ""), options, "p"));
    assertTrue(e.getMessage().contains("trusted certificates"), e.getMessage());
  }
}
