package io.inferlink.transport.http.internal;

import static io.inferlink.transport.http.internal.TransportTests.await;
import static io.inferlink.transport.http.internal.TransportTests.failure;
import static io.inferlink.transport.http.internal.TransportTests.transport;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceException;
import io.inferlink.ResourceExhaustedException;
import io.inferlink.ServerException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** {@code compression=gzip} on the wire: compressed requests, inflated answers, and hostile answers refused. */
class HttpCompressionTest {
  private static final ClientOptions GZIP = ClientOptions.builder().compression("gzip").build();
  private static final int CAP = 1024 * 1024;

  @Test
  void requestBodyGoesOutCompressedWithItsOwnHeadersUnchanged() throws Exception {
    byte[] json = "{\"inputs\":[]}".getBytes(StandardCharsets.UTF_8);
    byte[] tensor = new byte[256 * 1024]; // zeros: compressible
    try (RawHttpServer s = new RawHttpServer((r, c) -> c.reply(200, "application/json", "{}"));
        HttpTransport t = transport(s, GZIP)) {
      RequestBody body = RequestBody.ofBuffers(List.of(ByteBuffer.wrap(json), ByteBuffer.wrap(tensor)));
      await(t.send(HttpRequestSpec.post("/infer", body, "application/octet-stream")
          .header("Inference-Header-Content-Length", String.valueOf(json.length)).build()));
      RawHttpServer.Request r = s.take();
      assertEquals("gzip", r.header("Content-Encoding"));
      assertEquals("gzip", r.header("Accept-Encoding"));
      assertEquals(String.valueOf(json.length), r.header("Inference-Header-Content-Length"),
          "the OIP header length counts the uncompressed JSON");
      assertEquals(String.valueOf(r.body().length), r.header("Content-Length"), "the wire length is the compressed one");
      assertTrue(r.body().length < tensor.length / 20, "zeros compress: " + r.body().length + " bytes sent");
      byte[] expected = new byte[json.length + tensor.length];
      System.arraycopy(json, 0, expected, 0, json.length);
      assertArrayEquals(expected, gunzip(r.body()));
    }
  }

  @Test
  void withCompressionOffNothingChangesOnTheWire() throws Exception {
    try (RawHttpServer s = new RawHttpServer((r, c) -> c.reply(200, "application/json", "{}"));
        HttpTransport t = transport(s, ClientOptions.defaults())) {
      await(t.send(HttpRequestSpec.post("/infer", RequestBody.ofBytes(new byte[100]), "application/json").build()));
      RawHttpServer.Request r = s.take();
      assertNull(r.header("Content-Encoding"));
      assertNull(r.header("Accept-Encoding"));
      assertArrayEquals(new byte[100], r.body());
    }
  }

  @Test
  void aGetHasNoBodyToCompressButAsksForGzip() throws Exception {
    try (RawHttpServer s = new RawHttpServer((r, c) -> c.reply(200, "application/json", "{}"));
        HttpTransport t = transport(s, GZIP)) {
      await(t.send(HttpRequestSpec.get("/v2/health/ready").build()));
      RawHttpServer.Request r = s.take();
      assertNull(r.header("Content-Encoding"));
      assertEquals("gzip", r.header("Accept-Encoding"));
    }
  }

  @Test
  void theBodyIsCompressedOnceHoweverOftenItIsSent() {
    RequestBody body = RequestBody.ofBytes(new byte[4096]);
    assertSame(body.gzipped(), body.gzipped());
  }

  @Test
  void gzipAnswersAreInflatedWhetherAskedForOrNot() throws Exception {
    byte[] answer = "{\"outputs\":[1,2,3]}".repeat(1000).getBytes(StandardCharsets.UTF_8);
    for (ClientOptions options : new ClientOptions[] {GZIP, ClientOptions.defaults()}) {
      try (RawHttpServer s = new RawHttpServer((r, c) -> replyGzip(c, gzip(answer)));
          HttpTransport t = transport(s, options)) {
        HttpResult r = await(t.send(HttpRequestSpec.get("/x").build()));
        assertArrayEquals(answer, r.body().toByteArray());
        assertFalse(r.header("Content-Encoding").isPresent(), "the result describes the inflated body");
        assertEquals(1, r.body().chunks().size(), "the trailer's size puts an honest answer in one chunk");
      }
    }
  }

  @Test
  void anAnswerThatInflatesToExactlyTheCapIsAccepted() throws Exception {
    try (RawHttpServer s = new RawHttpServer((r, c) -> replyGzip(c, gzip(new byte[CAP])));
        HttpTransport t = transport(s, GZIP.toBuilder().maxMessageSize(CAP).build())) {
      assertEquals(CAP, await(t.send(HttpRequestSpec.get("/x").build())).body().size());
    }
  }

  @Test
  void aGzipBombFailsAtTheCapAsResourceExhausted() throws Exception {
    byte[] bomb = gzip(new byte[64 * CAP]); // 64 MiB of zeros in about 64 KiB
    assertTrue(bomb.length < CAP / 8);
    try (RawHttpServer s = new RawHttpServer((r, c) -> replyGzip(c, bomb));
        HttpTransport t = transport(s, GZIP.toBuilder().maxMessageSize(CAP).build())) {
      Throwable e = failure(t.send(HttpRequestSpec.get("/x").build()));
      assertInstanceOf(ResourceExhaustedException.class, e);
      assertTrue(e.getMessage().contains("once decompressed"), e.getMessage());
      assertEquals(InferenceException.Delivery.OUTCOME_UNKNOWN, ((InferenceException) e).delivery());
      assertEquals(0, t.inFlight());
    }
  }

  @Test
  void brokenCodingsFailAsServerExceptionsNamingTheProblem() throws Exception {
    byte[] whole = gzip("{\"outputs\":[]}".repeat(100).getBytes(StandardCharsets.UTF_8));
    byte[] truncated = Arrays.copyOf(whole, whole.length - 9);
    byte[] plain = "{\"outputs\":[]}".getBytes(StandardCharsets.UTF_8);
    byte[] badCrc = whole.clone();
    badCrc[badCrc.length - 6] ^= 1;
    Object[][] cases = {{truncated, "gzip", "not valid gzip"}, {plain, "gzip", "not valid gzip"},
        {badCrc, "gzip", "not valid gzip"}, {plain, "br", "'br'"}};
    for (Object[] c : cases) {
      try (RawHttpServer s = new RawHttpServer((r, conn) -> reply(conn, (byte[]) c[0], (String) c[1]));
          HttpTransport t = transport(s, GZIP)) {
        Throwable e = failure(t.send(HttpRequestSpec.get("/x").build()));
        assertInstanceOf(ServerException.class, e, c[2] + ": " + e);
        assertTrue(e.getMessage().contains((String) c[2]), e.getMessage());
        assertEquals(0, t.inFlight());
      }
    }
  }

  @Test
  void theCodingHeadersBelongToTheTransport() {
    for (String name : new String[] {"Accept-Encoding", "content-encoding"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> HttpRequestSpec.get("/x").header(name, "gzip"));
      assertTrue(e.getMessage().contains("compression"), e.getMessage());
    }
  }

  private static void replyGzip(RawHttpServer.Conn c, byte[] body) throws IOException {
    reply(c, body, "gzip");
  }

  private static void reply(RawHttpServer.Conn c, byte[] body, String coding) throws IOException {
    c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: " + coding
        + "\r\nContent-Length: " + body.length + "\r\n\r\n");
    c.out.write(body);
    c.out.flush();
  }

  static byte[] gzip(byte[] data) throws IOException {
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
