package io.inferlink.transport.http.internal;

import static io.inferlink.transport.http.internal.TransportTests.await;
import static io.inferlink.transport.http.internal.TransportTests.failure;
import static io.inferlink.transport.http.internal.TransportTests.transport;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InvalidRequestException;
import io.inferlink.ProviderConfigurationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What reaches the wire, byte for byte, and what comes back. */
class HttpTransportWireTest {
  private static final RawHttpServer.Handler OK_JSON = (r, c) -> c.reply(200, "application/json", "{\"ok\":true}");

  @Test
  void getRequestBytesWithBasePathAndQuery() throws Exception {
    try (RawHttpServer s = new RawHttpServer(OK_JSON);
        HttpTransport t = HttpTransport.create(new HttpTarget(false, "127.0.0.1", s.port(), "/ingress/p"),
            ClientOptions.defaults(), "p")) {
      String path = "/v1/models/" + UrlPaths.segment("a/../b?#") + "/versions/3?x=%20";
      HttpResult r = await(t.send(HttpRequestSpec.get(path).accept("application/json").build()));
      assertEquals("GET /ingress/p/v1/models/a%2F..%2Fb%3F%23/versions/3?x=%20 HTTP/1.1\r\n"
          + "User-Agent: inferlink-java\r\n"
          + "Accept: application/json\r\n"
          + "Host: 127.0.0.1:" + s.port() + "\r\n"
          + "Connection: keep-alive\r\n\r\n", s.take().head());
      assertEquals(200, r.status());
      assertTrue(r.isSuccess());
      assertEquals("application/json", r.contentType());
      assertEquals(Map.of("content-type", List.of("application/json"), "content-length", List.of("11")), r.headers());
      assertEquals("{\"ok\":true}", r.body().toUtf8(100));
    }
  }

  @Test
  void postRequestBytesFromManyBuffers() throws Exception {
    byte[] raw = new byte[3 * 1024 * 1024 + 7];
    new Random(1).nextBytes(raw);
    ByteBuffer direct = ByteBuffer.allocateDirect(1000);
    for (int i = 0; i < 1000; i++) {
      direct.put((byte) i);
    }
    direct.flip().position(10);
    byte[] json = "{\"inputs\":[]}".getBytes(StandardCharsets.US_ASCII);
    RequestBody body = RequestBody.ofBuffers(List.of(ByteBuffer.wrap(json), ByteBuffer.wrap(raw), direct));
    try (RawHttpServer s = new RawHttpServer(OK_JSON); HttpTransport t = transport(s, ClientOptions.defaults())) {
      await(t.send(HttpRequestSpec.post("/v2/models/m/infer", body, "application/octet-stream")
          .header("Inference-Header-Content-Length", Integer.toString(json.length)).build()));
      RawHttpServer.Request r = s.take();
      long length = json.length + raw.length + 990;
      assertEquals("POST /v2/models/m/infer HTTP/1.1\r\n"
          + "User-Agent: inferlink-java\r\n"
          + "Inference-Header-Content-Length: 13\r\n"
          + "Host: 127.0.0.1:" + s.port() + "\r\n"
          + "Content-Length: " + length + "\r\n"
          + "Content-Type: application/octet-stream\r\n"
          + "Connection: keep-alive\r\n\r\n", r.head());
      ByteBuffer expected = ByteBuffer.allocate((int) length).put(json).put(raw).put(direct.duplicate());
      assertArrayEquals(expected.array(), r.body());
      assertEquals(10, direct.position()); // the caller's buffer is untouched

      // The same body can be sent again, and an empty POST says Content-Length: 0.
      await(t.send(HttpRequestSpec.post("/again", body, "application/octet-stream").build()));
      assertArrayEquals(expected.array(), s.take().body());
      await(t.send(HttpRequestSpec.post("/empty", RequestBody.empty(), "application/json").build()));
      RawHttpServer.Request empty = s.take();
      assertEquals("0", empty.header("Content-Length"));
      assertEquals(0, empty.body().length);
      assertEquals(1, s.connections()); // all on one kept-alive connection
    }
  }

  @Test
  void sequentialCallsReuseOneConnection() throws Exception {
    try (RawHttpServer s = new RawHttpServer(OK_JSON); HttpTransport t = transport(s, ClientOptions.defaults())) {
      for (int i = 0; i < 20; i++) {
        assertEquals(200, await(t.send(HttpRequestSpec.get("/" + i).build())).status());
      }
      assertEquals(1, s.connections());
    }
  }

  @Test
  void aHugeTimeoutIsAccepted() throws Exception {
    ClientOptions options = ClientOptions.builder().requestTimeout(java.time.Duration.ofSeconds(Long.MAX_VALUE)).build();
    try (RawHttpServer s = new RawHttpServer(OK_JSON); HttpTransport t = transport(s, options)) {
      assertEquals(200, await(t.send(HttpRequestSpec.get("/").build())).status());
    }
  }

  @Test
  void optionHeadersAreEvaluatedPerCallAndCarryCredentials() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    ClientOptions options = ClientOptions.builder()
        .header("X-Fixed", "f")
        .headersSupplier(() -> Map.of("X-Rotating", "r" + calls.incrementAndGet()))
        .bearerToken(() -> "token-" + calls.get())
        .userAgent("my-app/1.0")
        .build();
    try (RawHttpServer s = new RawHttpServer(OK_JSON); HttpTransport t = transport(s, options)) {
      for (int i = 1; i <= 2; i++) {
        await(t.send(HttpRequestSpec.get("/h").build()));
        RawHttpServer.Request r = s.take();
        assertEquals("f", r.header("X-Fixed"));
        assertEquals("r" + i, r.header("X-Rotating"));
        assertEquals("Bearer token-" + i, r.header("Authorization"));
        assertEquals(List.of("my-app/1.0"), r.headers().get("user-agent"));
      }
    }
  }

  @Test
  void basicAuthAndRequestHeadersReplaceOptionHeaders() throws Exception {
    ClientOptions options = ClientOptions.builder().basicAuth("paperspace", "s3cret").header("accept", "text/plain").build();
    try (RawHttpServer s = new RawHttpServer(OK_JSON); HttpTransport t = transport(s, options)) {
      await(t.send(HttpRequestSpec.get("/h").accept("application/json").build()));
      RawHttpServer.Request r = s.take();
      String expected = "Basic " + Base64.getEncoder().encodeToString("paperspace:s3cret".getBytes(StandardCharsets.UTF_8));
      assertEquals(expected, r.header("Authorization"));
      assertEquals(List.of("application/json"), r.headers().get("accept"));
    }
  }

  @Test
  void authorityOverrideIsSentAsHostWhileConnectingToTheTarget() throws Exception {
    ClientOptions options = ClientOptions.builder().authority("m.default.example.com").build();
    try (RawHttpServer s = new RawHttpServer(OK_JSON); HttpTransport t = transport(s, options)) {
      await(t.send(HttpRequestSpec.get("/v1/models/m").build()));
      RawHttpServer.Request r = s.take();
      assertEquals(List.of("m.default.example.com"), r.headers().get("host"));
      assertTrue(r.head().contains("\r\nHost: m.default.example.com\r\n"), r.head());
    }
    try (RawHttpServer s = new RawHttpServer(OK_JSON);
        HttpTransport t = transport(s, ClientOptions.builder().authority("svc.example:8080").build())) {
      await(t.send(HttpRequestSpec.get("/").build()));
      assertEquals("svc.example:8080", s.take().header("Host"));
    }
  }

  @Test
  void ipv6TargetIsBracketedInHost() throws Exception {
    java.net.ServerSocket probe;
    try {
      probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("::1"));
    } catch (java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + e);
      return;
    }
    try (probe; HttpTransport t = HttpTransport.create(new HttpTarget(false, "::1", probe.getLocalPort(), ""),
        ClientOptions.defaults(), "p")) {
      var f = t.send(HttpRequestSpec.get("/x").build());
      probe.setSoTimeout(10_000);
      try (java.net.Socket c = probe.accept()) {
        RawHttpServer.Request r = RawHttpServer.read(c.getInputStream(), 1);
        assertEquals("[::1]:" + probe.getLocalPort(), r.header("Host"));
        c.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(204, await(f).status());
      }
    }
  }

  @Test
  void badSuppliedHeadersFailTheCallNotTheCaller() throws Exception {
    AtomicInteger n = new AtomicInteger();
    ClientOptions options = ClientOptions.builder().headersSupplier(() -> {
      switch (n.incrementAndGet()) {
        case 1: return Map.of("X-Evil", "a\r\nInjected: yes");
        case 2: return Map.of("Content-Length", "5");
        case 3: throw new IllegalStateException("identity provider unreachable");
        default: return Map.of();
      }
    }).build();
    try (RawHttpServer s = new RawHttpServer(OK_JSON); HttpTransport t = transport(s, options)) {
      assertInstanceOf(InvalidRequestException.class, failure(t.send(HttpRequestSpec.get("/").build())));
      Throwable owned = failure(t.send(HttpRequestSpec.get("/").build()));
      assertInstanceOf(InvalidRequestException.class, owned);
      assertTrue(owned.getMessage().contains("Content-Length"), owned.getMessage());
      Throwable supplier = failure(t.send(HttpRequestSpec.get("/").build()));
      assertTrue(supplier.getMessage().contains("identity provider unreachable"), supplier.getMessage());
      assertEquals(200, await(t.send(HttpRequestSpec.get("/ok").build())).status());
      assertEquals("GET /ok HTTP/1.1", s.take().requestLine()); // the refused calls never reached the server
      assertNull(s.requests.poll());
      assertEquals(0, t.inFlight());
    }
  }

  @Test
  void fixedHostHeaderIsRefusedAtCreation() throws Exception {
    ClientOptions options = ClientOptions.builder().header("Host", "x").build();
    try (RawHttpServer s = new RawHttpServer(OK_JSON)) {
      ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> transport(s, options));
      assertTrue(e.getMessage().contains("authority"), e.getMessage());
    }
  }

  @Test
  void anyStatusIsAResultAndChunkedBodiesAreDecoded() throws Exception {
    RawHttpServer.Handler chunked = (r, c) -> c.write("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
        + "X-Multi: a\r\nx-multi: b\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5\r\n{\"err\r\n" + "3\r\nor\"\r\n" + "a\r\n:\"missing\"\r\n" + "1\r\n}\r\n" + "0\r\n\r\n");
    try (RawHttpServer s = new RawHttpServer(chunked); HttpTransport t = transport(s, ClientOptions.defaults())) {
      HttpResult r = await(t.send(HttpRequestSpec.get("/v1/models/x").build()));
      assertEquals(404, r.status());
      assertFalse(r.isSuccess());
      assertEquals("{\"error\":\"missing\"}", new String(r.body().toByteArray(), StandardCharsets.UTF_8));
      assertEquals(List.of("a", "b"), r.headers().get("x-multi"));
      assertEquals("a", r.header("X-MULTI").orElseThrow());
      assertEquals("missing", HttpErrors.serverMessage(r));
    }
  }

  @Test
  void futuresCompleteOnTheOptionsExecutor() throws Exception {
    ExecutorService app = Executors.newSingleThreadExecutor(r -> new Thread(r, "app-exec"));
    RawHttpServer.Handler slow = (r, c) -> {
      Thread.sleep(200);
      OK_JSON.handle(r, c);
    };
    try (RawHttpServer s = new RawHttpServer(slow);
        HttpTransport withExecutor = transport(s, ClientOptions.builder().executor(app).build());
        HttpTransport without = transport(s, ClientOptions.defaults())) {
      assertEquals("app-exec", await(withExecutor.send(HttpRequestSpec.get("/").build())
          .thenApply(r -> Thread.currentThread().getName())));
      String own = await(without.send(HttpRequestSpec.get("/").build()).thenApply(r -> Thread.currentThread().getName()));
      assertTrue(own.startsWith("inferlink-http-"), own);
    } finally {
      app.shutdownNow();
      assertTrue(app.awaitTermination(5, TimeUnit.SECONDS));
    }
  }
}
