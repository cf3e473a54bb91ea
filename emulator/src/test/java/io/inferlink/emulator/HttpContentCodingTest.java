package io.inferlink.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator's HTTP content codings: gzip request bodies in (capped after inflating), gzip answers out. */
class HttpContentCodingTest {
  private static final int CAP = 64 * 1024;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final AtomicReference<HttpCall> seen = new AtomicReference<>();
  private HttpLoopbackServer server;

  @BeforeEach
  void start() {
    server = HttpLoopbackServer.builder("coding").maxRequestBytes(CAP).route("/echo", call -> {
      seen.set(call);
      return HttpReply.of(200, "application/octet-stream", call.body());
    }).build().start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aGzipBodyReachesTheRouteInflatedWithItsHeadersAsSent() throws Exception {
    byte[] body = "{\"inputs\":[]}".repeat(100).getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> r = post(gzip(body), "gzip", null);
    assertEquals(200, r.statusCode());
    assertArrayEquals(body, seen.get().body());
    assertEquals("gzip", seen.get().header("content-encoding").orElseThrow(), "the recorder sees what arrived");
    assertArrayEquals(body, r.body());
    assertFalse(r.headers().firstValue("content-encoding").isPresent(), "not asked for gzip: a plain answer");
  }

  @Test
  void answersAreCompressedWhenTheClientAcceptsGzip() throws Exception {
    byte[] body = new byte[10_000];
    HttpResponse<byte[]> r = post(body, null, "gzip");
    assertEquals("gzip", r.headers().firstValue("content-encoding").orElseThrow());
    assertTrue(r.body().length < body.length / 10);
    assertArrayEquals(body, gunzip(r.body()));
    HttpResponse<byte[]> refused = post(body, null, "gzip;q=0, identity");
    assertFalse(refused.headers().firstValue("content-encoding").isPresent(), "q=0 refuses gzip");
    assertArrayEquals(body, refused.body());
  }

  @Test
  void theRequestCapCountsTheInflatedBody() throws Exception {
    byte[] atCap = gzip(new byte[CAP]);
    assertEquals(200, post(atCap, "gzip", null).statusCode());
    byte[] bomb = gzip(new byte[CAP * 16]);
    assertTrue(bomb.length < CAP);
    HttpResponse<byte[]> r = post(bomb, "gzip", null);
    assertEquals(413, r.statusCode());
    assertTrue(new String(r.body(), StandardCharsets.UTF_8).startsWith("{\"error\":\""), new String(r.body()));
  }

  @Test
  void unknownCodingsAndBrokenGzipAreRefusedWithAnErrorBody() throws Exception {
    HttpResponse<byte[]> br = post(new byte[10], "br", null);
    assertEquals(415, br.statusCode());
    assertEquals("application/json", br.headers().firstValue("content-type").orElseThrow());
    assertTrue(new String(br.body(), StandardCharsets.UTF_8).contains("unsupported Content-Encoding 'br'"));
    byte[] whole = gzip(new byte[1000]);
    HttpResponse<byte[]> cut = post(Arrays.copyOf(whole, whole.length - 5), "gzip", null);
    assertEquals(400, cut.statusCode());
    assertTrue(new String(cut.body(), StandardCharsets.UTF_8).contains("not valid gzip"));
    assertEquals(200, post(new byte[3], "identity", null).statusCode(), "and the server is still fine");
  }

  private HttpResponse<byte[]> post(byte[] body, String contentEncoding, String acceptEncoding) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/echo"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentEncoding != null) {
      b.header("Content-Encoding", contentEncoding);
    }
    if (acceptEncoding != null) {
      b.header("Accept-Encoding", acceptEncoding);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] data) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
      return in.readAllBytes();
    }
  }
}
