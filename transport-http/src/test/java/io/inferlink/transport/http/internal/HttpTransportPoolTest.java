package io.inferlink.transport.http.internal;

import static io.inferlink.transport.http.internal.TransportTests.await;
import static io.inferlink.transport.http.internal.TransportTests.failure;
import static io.inferlink.transport.http.internal.TransportTests.transport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.DeadlineExceededException;
import io.inferlink.InferenceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The connection pool as the server sees it: how many connections a burst opens, and how long they live. */
class HttpTransportPoolTest {

  private static HttpRequestSpec post() {
    return HttpRequestSpec.post("/infer", RequestBody.ofBytes("{}".getBytes()), "application/json").build();
  }

  /** Waits up to {@code millis} for the server to count {@code open} connections; the count at the end. */
  private static int awaitOpen(RawHttpServer s, int open, long millis) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (s.openConnections() != open && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    return s.openConnections();
  }

  @Test
  void aBurstOpensOneConnectionPerConcurrentCallAndTheyCloseAfterTheIdleTime() throws Exception {
    int burst = 6;
    CountDownLatch allArrived = new CountDownLatch(burst);
    RawHttpServer.Handler answersOnceAllArrived = (r, c) -> {
      allArrived.countDown();
      allArrived.await(10, TimeUnit.SECONDS); // each call holds its connection until all are in
      c.reply(200, "application/json", "{}");
    };
    ClientOptions options = ClientOptions.builder().connectionIdleTimeout(Duration.ofMillis(400)).build();
    try (RawHttpServer s = new RawHttpServer(answersOnceAllArrived); HttpTransport t = transport(s, options)) {
      List<CompletableFuture<HttpResult>> calls = new ArrayList<>();
      for (int i = 0; i < burst; i++) {
        calls.add(t.send(post()));
      }
      for (CompletableFuture<HttpResult> call : calls) {
        assertEquals(200, await(call).status());
      }
      long idleSince = System.nanoTime();
      assertEquals(burst, s.connections(), "one connection per concurrent call");
      assertEquals(burst, s.openConnections(), "kept for the next calls");
      assertEquals(0, awaitOpen(s, 0, 5_000), "the pool must close connections left idle");
      long idleMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - idleSince);
      assertTrue(idleMillis >= 300, "closed after " + idleMillis + " ms, before the idle time");
    }
  }

  @Test
  void maxConnectionsCapsTheConnectionsOpenAtOnce() throws Exception {
    AtomicInteger inHandler = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    RawHttpServer.Handler slow = (r, c) -> {
      mostAtOnce.accumulateAndGet(inHandler.incrementAndGet(), Math::max);
      Thread.sleep(100);
      inHandler.decrementAndGet();
      c.reply(200, "application/json", "{}");
    };
    ClientOptions options = ClientOptions.builder().maxConnections(2).build();
    try (RawHttpServer s = new RawHttpServer(slow); HttpTransport t = transport(s, options)) {
      List<CompletableFuture<HttpResult>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(t.send(post()));
      }
      for (CompletableFuture<HttpResult> call : calls) {
        assertEquals(200, await(call).status(), "calls beyond the cap wait for a free connection");
      }
      assertEquals(2, s.connections());
      assertEquals(2, mostAtOnce.get());
    }
  }

  @Test
  void aCallStillWaitingForAPooledConnectionAtItsDeadlineWasNeverSent() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RawHttpServer.Handler held = (r, c) -> {
      release.await(10, TimeUnit.SECONDS);
      c.reply(200, "application/json", "{}");
    };
    ClientOptions options = ClientOptions.builder().maxConnections(1).build();
    try (RawHttpServer s = new RawHttpServer(held); HttpTransport t = transport(s, options)) {
      CompletableFuture<HttpResult> first = t.send(post());
      s.take();
      HttpRequestSpec second = HttpRequestSpec.post("/infer", RequestBody.ofBytes("{}".getBytes()), "application/json")
          .timeout(Duration.ofMillis(300)).build();
      InferenceException e = assertInstanceOf(DeadlineExceededException.class, failure(t.send(second)));
      assertEquals(InferenceException.Delivery.NOT_SENT, e.delivery(), e.toString());
      release.countDown();
      assertEquals(200, await(first).status());
      assertTrue(s.requests.isEmpty(), "only the first call reached the server: " + s.requests);
      assertEquals(1, s.connections());
    }
  }
}
