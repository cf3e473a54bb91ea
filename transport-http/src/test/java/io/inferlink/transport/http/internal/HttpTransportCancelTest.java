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
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.emulator.HttpLoopbackServer;
import io.inferlink.emulator.HttpReply;
import io.inferlink.spi.Endpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cancel, deadline and close must hang up the call's connection also when the call reuses a pooled
 * keep-alive connection (HttpClient leases a pooled connection synchronously, which used to leave the
 * exchange uncancellable), not only on a fresh one.
 */
class HttpTransportCancelTest {
  private static final long HANG_UP_WITHIN_MILLIS = 2000;

  /** When (nanoTime) and on which connection the server saw the client hang up under a /slow call. */
  private record HangUp(int connection, long at) {}

  private final BlockingQueue<HangUp> hangUps = new LinkedBlockingQueue<>();

  /** /fast answers at once (keep-alive); anything else is never answered and waits for the hang-up. */
  private RawHttpServer.Handler fastOrSilent() {
    return (r, c) -> {
      if (r.requestLine().contains(" /fast")) {
        c.reply(200, "text/plain", "fast");
        return;
      }
      if (c.awaitClientClose(10_000)) {
        hangUps.add(new HangUp(r.connection(), System.nanoTime()));
      }
      c.socket.close();
    };
  }

  private HangUp awaitHangUp() throws InterruptedException {
    HangUp h = hangUps.poll(5, TimeUnit.SECONDS);
    if (h == null) {
      throw new AssertionError("the server did not see the client close the connection");
    }
    return h;
  }

  private static long millisSince(long start, long at) {
    return TimeUnit.NANOSECONDS.toMillis(at - start);
  }

  /** Sends /fast and then a POST /slow, and checks that the slow one reuses the fast one's connection. */
  private static CompletableFuture<HttpResult> slowOnAReusedConnection(RawHttpServer s, HttpTransport t,
      Duration timeout) throws Exception {
    assertEquals("fast", await(t.send(HttpRequestSpec.get("/fast").build())).body().toUtf8(100));
    RawHttpServer.Request fast = s.take();
    HttpRequestSpec.Builder slow = HttpRequestSpec.post("/slow",
        RequestBody.ofBytes("{}".getBytes(StandardCharsets.UTF_8)), "application/json");
    if (timeout != null) {
      slow.timeout(timeout);
    }
    CompletableFuture<HttpResult> f = t.send(slow.build());
    RawHttpServer.Request arrived = s.take();
    assertEquals(fast.connection(), arrived.connection(), "the slow call should reuse the pooled connection");
    assertEquals(fast.connection(), s.connections(), "no other connection should have been opened");
    return f;
  }

  @Test
  void cancelOnAReusedConnectionClosesIt() throws Exception {
    try (RawHttpServer s = new RawHttpServer(fastOrSilent()); HttpTransport t = transport(s, ClientOptions.defaults())) {
      CompletableFuture<HttpResult> f = slowOnAReusedConnection(s, t, null);
      long cancelAt = System.nanoTime();
      assertTrue(f.cancel(true));
      assertThrows(CancellationException.class, f::join);
      HangUp h = awaitHangUp();
      assertEquals(1, h.connection());
      long after = millisSince(cancelAt, h.at());
      assertTrue(after < HANG_UP_WITHIN_MILLIS, "server saw the close after " + after + " ms");
      assertEquals(0, t.inFlight());
      // The cancelled connection is not handed out again: the next call opens a new one and works.
      assertEquals("fast", await(t.send(HttpRequestSpec.get("/fast").build())).body().toUtf8(100));
      assertEquals(2, s.take().connection());
    }
  }

  @Test
  void deadlineOnAReusedConnectionClosesIt() throws Exception {
    try (RawHttpServer s = new RawHttpServer(fastOrSilent()); HttpTransport t = transport(s, ClientOptions.defaults())) {
      long start = System.nanoTime();
      CompletableFuture<HttpResult> f = slowOnAReusedConnection(s, t, Duration.ofMillis(300));
      Throwable e = failure(f);
      long failedAt = System.nanoTime();
      assertInstanceOf(DeadlineExceededException.class, e);
      assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
      HangUp h = awaitHangUp();
      assertEquals(1, h.connection());
      long after = millisSince(failedAt, h.at());
      assertTrue(after < HANG_UP_WITHIN_MILLIS, "server saw the close " + after + " ms after the deadline");
      assertTrue(millisSince(start, h.at()) < 300 + HANG_UP_WITHIN_MILLIS + 1000);
      assertEquals(0, t.inFlight());
      assertEquals("fast", await(t.send(HttpRequestSpec.get("/fast").build())).body().toUtf8(100));
    }
  }

  @Test
  void closeDuringACallOnAReusedConnectionClosesIt() throws Exception {
    try (RawHttpServer s = new RawHttpServer(fastOrSilent())) {
      HttpTransport t = transport(s, ClientOptions.defaults());
      CompletableFuture<HttpResult> f = slowOnAReusedConnection(s, t, null);
      long closeAt = System.nanoTime();
      t.close();
      Throwable e = failure(f);
      assertInstanceOf(InferenceException.class, e);
      assertEquals(ErrorCode.CANCELLED, ((InferenceException) e).code());
      long after = millisSince(closeAt, awaitHangUp().at());
      assertTrue(after < HANG_UP_WITHIN_MILLIS, "server saw the close after " + after + " ms");
    }
  }

  /** The fresh-connection case, which already worked, next to the reused one in one transport. */
  @Test
  void cancelClosesFreshAndReusedConnectionsAlike() throws Exception {
    try (RawHttpServer s = new RawHttpServer(fastOrSilent()); HttpTransport t = transport(s, ClientOptions.defaults())) {
      CompletableFuture<HttpResult> fresh = t.send(HttpRequestSpec.get("/slow").build());
      assertEquals(1, s.take().connection());
      fresh.cancel(true);
      assertEquals(1, awaitHangUp().connection());
      CompletableFuture<HttpResult> reused = slowOnAReusedConnection(s, t, null);
      long cancelAt = System.nanoTime();
      reused.cancel(true);
      HangUp h = awaitHangUp();
      assertEquals(2, h.connection());
      assertTrue(millisSince(cancelAt, h.at()) < HANG_UP_WITHIN_MILLIS);
      assertEquals(0, t.inFlight());
    }
  }

  /** Many calls at once, each on its own pooled connection, all cancelled together. */
  @Test
  void concurrentCancelsOnReusedConnectionsCloseEveryOne() throws Exception {
    int n = 16;
    CountDownLatch allFast = new CountDownLatch(n);
    RawHttpServer.Handler handler = (r, c) -> {
      if (r.requestLine().contains(" /fast")) {
        allFast.countDown();
        allFast.await(10, TimeUnit.SECONDS); // keeps the connections apart: n of them in the pool
        c.reply(200, "text/plain", "fast");
        return;
      }
      if (c.awaitClientClose(10_000)) {
        hangUps.add(new HangUp(r.connection(), System.nanoTime()));
      }
      c.socket.close();
    };
    try (RawHttpServer s = new RawHttpServer(handler); HttpTransport t = transport(s, ClientOptions.defaults())) {
      List<CompletableFuture<HttpResult>> warm = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        warm.add(t.send(HttpRequestSpec.get("/fast").build()));
      }
      for (CompletableFuture<HttpResult> w : warm) {
        await(w);
      }
      for (int i = 0; i < n; i++) {
        s.take();
      }
      assertEquals(n, s.connections());
      List<CompletableFuture<HttpResult>> slow = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        slow.add(t.send(HttpRequestSpec.get("/slow/" + i).build()));
      }
      for (int i = 0; i < n; i++) {
        s.take();
      }
      assertEquals(n, s.connections(), "every slow call should reuse a pooled connection");
      long cancelAt = System.nanoTime();
      slow.parallelStream().forEach(f -> f.cancel(true));
      Set<Integer> closed = new HashSet<>();
      for (int i = 0; i < n; i++) {
        HangUp h = awaitHangUp();
        closed.add(h.connection());
        assertTrue(millisSince(cancelAt, h.at()) < HANG_UP_WITHIN_MILLIS);
      }
      assertEquals(n, closed.size());
      assertEquals(0, t.inFlight());
    }
  }

  /**
   * Deadlines that fire just as the answer arrives: an abort that comes after the exchange ended must
   * leave its connection alone, since the pool may already have given it to the next call.
   */
  @Test
  void lateAbortsNeverBreakTheNextCallOnThePooledConnection() throws Exception {
    RawHttpServer.Handler handler = (r, c) -> {
      String path = r.requestLine().split(" ")[1];
      if (path.startsWith("/racy/")) {
        Thread.sleep(Long.parseLong(path.substring("/racy/".length())));
      }
      try {
        c.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"); // one segment: no Nagle wait
      } catch (java.io.IOException aborted) {
        c.socket.close(); // the deadline won: the client hung up
      }
    };
    try (RawHttpServer s = new RawHttpServer(handler); HttpTransport t = transport(s, ClientOptions.defaults())) {
      for (int i = 0; i < 40; i++) {
        // Answers after 5 to 24 ms against a 15 ms deadline: some in time, some not, some just so.
        CompletableFuture<HttpResult> racy = t.send(HttpRequestSpec.get("/racy/" + (5 + i % 20))
            .timeout(Duration.ofMillis(15)).build());
        Throwable x = racy.handle((r, e) -> e).get(5, TimeUnit.SECONDS);
        if (x != null) {
          assertInstanceOf(DeadlineExceededException.class, x);
        }
        assertEquals("ok", await(t.send(HttpRequestSpec.get("/next").build())).body().toUtf8(10), "round " + i);
      }
      assertEquals(0, t.inFlight());
    }
  }

  /** The original report, against testkit's server, which sees "client gone" while a route runs. */
  @Test
  void loopbackServerSeesTheClientGoWhenACallOnAReusedConnectionIsCancelled() throws Exception {
    CountDownLatch gone = new CountDownLatch(1);
    CountDownLatch arrived = new CountDownLatch(1);
    HttpLoopbackServer server = HttpLoopbackServer.builder("cancel-test")
        .route("/fast", call -> HttpReply.json(200, "{}"))
        .route("/slow", call -> {
          call.onClientGone(gone::countDown);
          arrived.countDown();
          for (int i = 0; i < 200 && !call.clientGone(); i++) {
            Thread.sleep(50);
          }
          return HttpReply.json(200, "{}");
        })
        .build()
        .start();
    try (server; HttpTransport t = HttpTransport.create(
        HttpTarget.of(Endpoint.parse("x+http://127.0.0.1:" + server.port()), 80), ClientOptions.defaults(), "p")) {
      assertEquals(200, await(t.send(HttpRequestSpec.get("/fast").build())).status());
      CompletableFuture<HttpResult> f = t.send(HttpRequestSpec.post("/slow",
          RequestBody.ofBytes("{}".getBytes(StandardCharsets.UTF_8)), "application/json").build());
      assertTrue(arrived.await(5, TimeUnit.SECONDS));
      long cancelAt = System.nanoTime();
      assertTrue(f.cancel(true));
      assertTrue(gone.await(HANG_UP_WITHIN_MILLIS, TimeUnit.MILLISECONDS),
          "the server did not see the client go within " + HANG_UP_WITHIN_MILLIS + " ms");
      long after = millisSince(cancelAt, System.nanoTime());
      assertTrue(after < HANG_UP_WITHIN_MILLIS, "after " + after + " ms");
    }
  }
}
