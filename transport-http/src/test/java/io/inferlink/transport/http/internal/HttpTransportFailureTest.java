package io.inferlink.transport.http.internal;

import static io.inferlink.transport.http.internal.TransportTests.await;
import static io.inferlink.transport.http.internal.TransportTests.failure;
import static io.inferlink.transport.http.internal.TransportTests.transport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.DeadlineExceededException;
import io.inferlink.InferenceException;
import io.inferlink.ResourceExhaustedException;
import io.inferlink.UnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Deadlines, cancellation, size limits and broken servers. */
class HttpTransportFailureTest {
  private final BlockingQueue<Long> clientClosedAt = new LinkedBlockingQueue<>();

  /** Answers nothing; records when the client hangs up. */
  private RawHttpServer.Handler silent() {
    return (r, c) -> {
      if (c.awaitClientClose(10_000)) {
        clientClosedAt.add(System.nanoTime());
      }
      c.socket.close();
    };
  }

  private long awaitClientClose() throws InterruptedException {
    Long at = clientClosedAt.poll(5, TimeUnit.SECONDS);
    if (at == null) {
      throw new AssertionError("the server did not see the client close the connection");
    }
    return at;
  }

  @Test
  void deadlineFailsTheCallAndAbortsTheExchange() throws Exception {
    try (RawHttpServer s = new RawHttpServer(silent()); HttpTransport t = transport(s, ClientOptions.defaults())) {
      long start = System.nanoTime();
      CompletableFuture<HttpResult> f = t.send(HttpRequestSpec.get("/slow").timeout(Duration.ofMillis(300)).build());
      Throwable e = failure(f);
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertInstanceOf(DeadlineExceededException.class, e);
      assertTrue(e.getMessage().contains("300 ms") && e.getMessage().contains("127.0.0.1"), e.getMessage());
      assertTrue(took >= 280 && took < 3000, "took " + took + " ms");
      long closedAfter = TimeUnit.NANOSECONDS.toMillis(awaitClientClose() - start);
      assertTrue(closedAfter < 2300, "closed after " + closedAfter + " ms");
      assertEquals(0, t.inFlight());
    }
  }

  @Test
  void optionsRequestTimeoutIsTheDefaultDeadline() throws Exception {
    ClientOptions options = ClientOptions.builder().requestTimeout(Duration.ofMillis(200)).build();
    try (RawHttpServer s = new RawHttpServer(silent()); HttpTransport t = transport(s, options)) {
      assertInstanceOf(DeadlineExceededException.class, failure(t.send(HttpRequestSpec.get("/").build())));
    }
  }

  @Test
  void cancelClosesTheConnectionSoTheServerSeesTheClientGo() throws Exception {
    try (RawHttpServer s = new RawHttpServer(silent()); HttpTransport t = transport(s, ClientOptions.defaults())) {
      CompletableFuture<HttpResult> f = t.send(HttpRequestSpec.get("/long").build());
      s.take();
      long cancelAt = System.nanoTime();
      assertTrue(f.cancel(true));
      assertThrows(CancellationException.class, f::join);
      long after = TimeUnit.NANOSECONDS.toMillis(awaitClientClose() - cancelAt);
      assertTrue(after < 2000, "server saw the close after " + after + " ms");
      assertEquals(0, t.inFlight());
      // The transport still works after a cancelled call.
      assertTrue(t.send(HttpRequestSpec.get("/next").timeout(Duration.ofMillis(200)).build())
          .handle((r, x) -> x).get(5, TimeUnit.SECONDS) instanceof DeadlineExceededException);
    }
  }

  @Test
  void declaredBodyOverTheLimitIsRefusedAndTheConnectionClosed() throws Exception {
    RawHttpServer.Handler huge = (r, c) -> {
      c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n");
      writeQuietly(c, 10_000_000);
      if (c.awaitClientClose(5_000)) {
        clientClosedAt.add(System.nanoTime());
      }
    };
    ClientOptions options = ClientOptions.builder().maxMessageSize(1024).build();
    try (RawHttpServer s = new RawHttpServer(huge); HttpTransport t = transport(s, options)) {
      Throwable e = failure(t.send(HttpRequestSpec.get("/big").build()));
      assertInstanceOf(ResourceExhaustedException.class, e);
      assertTrue(e.getMessage().contains("maxMessageSize") && e.getMessage().contains("1024"), e.getMessage());
      awaitClientClose();
    }
  }

  @Test
  void chunkedBodyGrowingOverTheLimitIsCutOff() throws Exception {
    RawHttpServer.Handler huge = (r, c) -> {
      c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      byte[] chunk = new byte[64 * 1024];
      try {
        for (int i = 0; i < 160; i++) { // 10 MB
          c.write(Integer.toHexString(chunk.length) + "\r\n");
          c.out.write(chunk);
          c.write("\r\n");
        }
        c.write("0\r\n\r\n");
      } catch (IOException closed) {
        clientClosedAt.add(System.nanoTime());
        return;
      }
      if (c.awaitClientClose(5_000)) {
        clientClosedAt.add(System.nanoTime());
      }
    };
    ClientOptions options = ClientOptions.builder().maxMessageSize(1024).build();
    try (RawHttpServer s = new RawHttpServer(huge); HttpTransport t = transport(s, options)) {
      assertInstanceOf(ResourceExhaustedException.class, failure(t.send(HttpRequestSpec.get("/big").build())));
      awaitClientClose();
      // A body exactly at the limit is fine.
    }
    byte[] exact = new byte[1024];
    try (RawHttpServer s = new RawHttpServer((r, c) -> c.reply(200, "application/octet-stream", exact));
        HttpTransport t = transport(s, options)) {
      assertEquals(1024, await(t.send(HttpRequestSpec.get("/").build())).body().size());
    }
  }

  private static void writeQuietly(RawHttpServer.Conn c, int bytes) {
    byte[] block = new byte[64 * 1024];
    try {
      for (int left = bytes; left > 0; left -= block.length) {
        c.out.write(block, 0, Math.min(left, block.length));
      }
      c.out.flush();
    } catch (IOException expected) {
      // the client hung up, as it should
    }
  }

  @Test
  void connectionRefusedNamesTheTarget() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (HttpTransport t = HttpTransport.create(new HttpTarget(false, "127.0.0.1", port, "/base"),
        ClientOptions.defaults(), "prov")) {
      Throwable e = failure(t.send(HttpRequestSpec.get("/v1/models/m").build()));
      assertInstanceOf(UnavailableException.class, e);
      assertTrue(e.getMessage().startsWith("cannot connect to http://127.0.0.1:" + port + "/base: connection refused"),
          e.getMessage());
      assertEquals("prov", ((InferenceException) e).provider());
      assertTrue(((InferenceException) e).isRetryable());
    }
  }

  @Test
  void connectTimeoutIsUnavailable() throws Exception {
    // A listener that never accepts, with its backlog filled: the kernel drops further SYNs.
    try (ServerSocket full = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      java.util.List<java.net.Socket> fillers = new java.util.ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          java.net.Socket f = new java.net.Socket();
          try {
            f.connect(full.getLocalSocketAddress(), 200);
            fillers.add(f);
          } catch (IOException dropped) {
            f.close();
            break;
          }
        }
        ClientOptions options = ClientOptions.builder().connectTimeout(Duration.ofMillis(300)).build();
        try (HttpTransport t = HttpTransport.create(new HttpTarget(false, "127.0.0.1", full.getLocalPort(), ""), options, "p")) {
          long start = System.nanoTime();
          Throwable e = failure(t.send(HttpRequestSpec.get("/").timeout(Duration.ofSeconds(10)).build()));
          long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          assertInstanceOf(UnavailableException.class, e);
          assertTrue(e.getMessage().contains("cannot connect to http://127.0.0.1:" + full.getLocalPort() + ": connect timed out"),
              e.getMessage());
          assertTrue(took < 3000, "took " + took + " ms");
        }
      } finally {
        for (java.net.Socket f : fillers) {
          f.close();
        }
      }
    }
  }

  @Test
  void unknownHostIsUnavailable() throws Exception {
    ClientOptions options = ClientOptions.builder().connectTimeout(Duration.ofSeconds(5)).build();
    try (HttpTransport t = HttpTransport.create(new HttpTarget(false, "no-such-host.invalid", 80, ""), options, "p")) {
      Throwable e = failure(t.send(HttpRequestSpec.get("/").build()));
      assertInstanceOf(UnavailableException.class, e);
      assertTrue(e.getMessage().contains("cannot connect to http://no-such-host.invalid:80"), e.getMessage());
    }
  }

  @Test
  void brokenServersFailTheCallWithoutHanging() throws Exception {
    RawHttpServer.Handler truncated = (r, c) -> {
      c.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
      c.socket.close();
    };
    try (RawHttpServer s = new RawHttpServer(truncated); HttpTransport t = transport(s, ClientOptions.defaults())) {
      Throwable e = failure(t.send(HttpRequestSpec.get("/").build()));
      assertInstanceOf(UnavailableException.class, e);
      assertTrue(e.getMessage().contains("connection to http://127.0.0.1:" + s.port()), e.getMessage());
    }
    try (RawHttpServer s = new RawHttpServer((r, c) -> c.socket.close());
        HttpTransport t = transport(s, ClientOptions.defaults())) {
      assertInstanceOf(UnavailableException.class, failure(t.send(HttpRequestSpec.get("/").build())));
    }
    try (RawHttpServer s = new RawHttpServer((r, c) -> {
          c.write("HELLO WORLD\r\n\r\n");
          c.socket.close();
        });
        HttpTransport t = transport(s, ClientOptions.defaults())) {
      assertInstanceOf(InferenceException.class, failure(t.send(HttpRequestSpec.get("/").build())));
    }
  }
}
