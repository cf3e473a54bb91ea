package io.inferlink.transport.http.internal;

import static io.inferlink.transport.http.internal.TransportTests.await;
import static io.inferlink.transport.http.internal.TransportTests.failure;
import static io.inferlink.transport.http.internal.TransportTests.transport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Concurrency, close and threads. */
class HttpTransportLifecycleTest {
  @Test
  void sixtyFourConcurrentCallsRunInParallelOnOneTransport() throws Exception {
    int n = 64;
    CountDownLatch allArrived = new CountDownLatch(n);
    RawHttpServer.Handler gate = (r, c) -> {
      allArrived.countDown();
      boolean together = allArrived.await(10, TimeUnit.SECONDS);
      c.reply(200, "text/plain", r.requestLine().split(" ")[1] + (together ? "" : " (alone)"));
    };
    try (RawHttpServer s = new RawHttpServer(gate); HttpTransport t = transport(s, ClientOptions.defaults())) {
      List<CompletableFuture<HttpResult>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        calls.add(t.send(HttpRequestSpec.get("/r/" + i).build()));
      }
      for (int i = 0; i < n; i++) {
        assertEquals("/r/" + i, await(calls.get(i)).body().toUtf8(100));
      }
      assertEquals(0, allArrived.getCount());
      assertEquals(n, s.connections());
    }
  }

  @Test
  void closeIsIdempotentFailsCallsInFlightAndLaterSends() throws Exception {
    try (RawHttpServer s = new RawHttpServer((r, c) -> c.awaitClientClose(10_000))) {
      HttpTransport t = transport(s, ClientOptions.defaults());
      CompletableFuture<HttpResult> inFlight = t.send(HttpRequestSpec.get("/wait").build());
      s.take();
      t.close();
      Throwable e = failure(inFlight);
      assertInstanceOf(InferenceException.class, e);
      assertEquals(ErrorCode.CANCELLED, ((InferenceException) e).code());
      t.close();
      CompletableFuture<HttpResult> later = t.send(HttpRequestSpec.get("/").build());
      assertInstanceOf(IllegalStateException.class, failure(later));
      assertEquals(0, t.inFlight());
    }
  }

  @Test
  void noThreadIsLeftAfterClose() throws Exception {
    Set<Thread> nonDaemonBefore = nonDaemonThreads();
    try (RawHttpServer s = new RawHttpServer((r, c) -> c.reply(200, "text/plain", "ok"))) {
      HttpTransport t = transport(s, ClientOptions.defaults());
      for (int i = 0; i < 3; i++) {
        await(t.send(HttpRequestSpec.get("/").build()));
      }
      assertTrue(!ourThreads().isEmpty(), "the transport should be running I/O threads");
      assertTrue(ourThreads().stream().allMatch(Thread::isDaemon));
      t.close();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!ourThreads().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(List.of(), ourThreads().stream().map(Thread::getName).collect(Collectors.toList()));
    Set<Thread> added = nonDaemonThreads();
    added.removeAll(nonDaemonBefore);
    assertEquals(Set.of(), added);
  }

  @Test
  void closeFromACallbackOnAnIoThreadDoesNotDeadlock() throws Exception {
    try (RawHttpServer s = new RawHttpServer((r, c) -> c.reply(200, "text/plain", "ok"))) {
      HttpTransport t = transport(s, ClientOptions.defaults());
      CompletableFuture<String> closedOn = t.send(HttpRequestSpec.get("/").build()).thenApply(r -> {
        t.close();
        return Thread.currentThread().getName();
      });
      assertTrue(closedOn.get(5, TimeUnit.SECONDS).startsWith("inferlink-http-"));
      assertInstanceOf(IllegalStateException.class, failure(t.send(HttpRequestSpec.get("/").build())));
    }
  }

  private static List<Thread> ourThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(th -> th.isAlive() && th.getName().startsWith("inferlink-http"))
        .collect(Collectors.toList());
  }

  private static Set<Thread> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(th -> th.isAlive() && !th.isDaemon())
        .collect(Collectors.toSet());
  }
}
