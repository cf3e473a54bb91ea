package io.inferlink.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The socket-level HTTP/1.1 engine under {@link HttpLoopbackServer}, driven byte by byte. */
class HttpEngineTest {

  private static HttpLoopbackServer server(String name) {
    return HttpLoopbackServer.builder(name).maxRequestBytes(1024)
        .route("/echo", call -> HttpReply.of(200, "application/octet-stream", call.body())
            .withHeader("x-seen", call.method() + " " + call.rawPath() + " " + call.rawQuery() + " "
                + call.header("X-Rep").orElse("-")))
        .build().start();
  }

  @Test
  void contentLengthAndChunkedBodiesAreRead() throws Exception {
    try (HttpLoopbackServer server = server("engine-bodies"); RawHttp client = new RawHttp(server.port())) {
      assertEquals("abc", client.send(RawHttp.request("POST", "/echo", "abc")).read().body());
      client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: x\r\n\r\n");
      assertEquals("hello world", client.read().body());
    }
  }

  @Test
  void keepAliveReusesTheConnectionUntilTheClientAsksToClose() throws Exception {
    try (HttpLoopbackServer server = server("engine-keepalive"); RawHttp client = new RawHttp(server.port())) {
      for (int i = 0; i < 3; i++) {
        RawHttp.Response r = client.send(RawHttp.request("POST", "/echo", "n" + i)).read();
        assertEquals("n" + i, r.body());
        assertNull(r.headers().get("connection"));
      }
      RawHttp.Response last = client.send(RawHttp.request("GET", "/echo", null, "Connection: close")).read();
      assertEquals("close", last.headers().get("connection"));
      assertTrue(client.closedByServer());
    }
  }

  @Test
  void http10ClosesUnlessAskedToKeepAlive() throws Exception {
    try (HttpLoopbackServer server = server("engine-http10"); RawHttp client = new RawHttp(server.port())) {
      assertEquals(200, client.send("GET /echo HTTP/1.0\r\n\r\n").read().status());
      assertTrue(client.closedByServer());
    }
  }

  @Test
  void bodiesOverTheCapAre413AndCloseTheConnection() throws Exception {
    try (HttpLoopbackServer server = server("engine-413")) {
      try (RawHttp client = new RawHttp(server.port())) {
        assertEquals(200, client.send(RawHttp.request("POST", "/echo", "x".repeat(1024))).read().status());
        assertEquals(413, client.send(RawHttp.request("POST", "/echo", "x".repeat(1025))).read().status());
        assertTrue(client.closedByServer());
      }
      try (RawHttp client = new RawHttp(server.port())) {
        client.send("POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n" + "y".repeat(1024) + "\r\n1\r\nz\r\n0\r\n\r\n");
        assertEquals(413, client.read().status());
      }
    }
  }

  @Test
  void expectContinueGetsAnInterimAnswer() throws Exception {
    try (HttpLoopbackServer server = server("engine-continue"); RawHttp client = new RawHttp(server.port())) {
      client.send("POST /echo HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
      assertEquals(100, client.read().status());
      assertEquals("hello", client.send("hello").read().body());
    }
  }

  @Test
  void malformedRequestsAre400() throws Exception {
    try (HttpLoopbackServer server = server("engine-400"); RawHttp client = new RawHttp(server.port())) {
      assertEquals(400, client.send("NONSENSE\r\n\r\n").read().status());
      assertTrue(client.closedByServer());
    }
    try (HttpLoopbackServer server = server("engine-400b"); RawHttp client = new RawHttp(server.port())) {
      assertEquals(400, client.send("POST /echo HTTP/1.1\r\nContent-Length: 1x\r\n\r\n").read().status());
    }
  }

  @Test
  void headersAreCaseInsensitiveRepeatedOnesJoinedAndTheQueryKeptApart() throws Exception {
    try (HttpLoopbackServer server = server("engine-headers"); RawHttp client = new RawHttp(server.port())) {
      RawHttp.Response r = client.send(RawHttp.request("GET", "/echo?q=1&r=%20", null, "X-REP: 1", "x-rep: 2")).read();
      assertEquals("GET /echo q=1&r=%20 1, 2", r.headers().get("x-seen"));
    }
  }

  @Test
  void headAnswersCarryNoBody() throws Exception {
    try (HttpLoopbackServer server = server("engine-head"); RawHttp client = new RawHttp(server.port())) {
      RawHttp.Response head = client.send(RawHttp.request("HEAD", "/echo", null)).read();
      assertEquals("0", head.headers().get("content-length"));
      // Had a body been sent, it would now be read as the next status line.
      assertEquals("two", client.send(RawHttp.request("POST", "/echo", "two")).read().body());
    }
  }

  @Test
  void aClientThatHangsUpIsSeenByTheRunningRoute() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch listened = new CountDownLatch(1);
    AtomicBoolean sawGone = new AtomicBoolean();
    try (HttpLoopbackServer server = HttpLoopbackServer.builder("engine-gone").route("/wait", call -> {
      call.onClientGone(listened::countDown);
      entered.countDown();
      for (int i = 0; i < 500 && !call.clientGone(); i++) {
        Thread.sleep(10);
      }
      sawGone.set(call.clientGone());
      return HttpReply.text(200, "done");
    }).build().start()) {
      try (RawHttp client = new RawHttp(server.port())) {
        client.send(RawHttp.request("GET", "/wait", null));
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        assertFalse(listened.await(100, TimeUnit.MILLISECONDS), "gone before the hang-up");
      }
      assertTrue(listened.await(5, TimeUnit.SECONDS), "the listener did not run");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!sawGone.get() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(sawGone.get(), "the route did not see clientGone()");
    }
  }

  @Test
  void closeEndsIdleKeepAliveConnectionsAndEveryThread() throws Exception {
    HttpLoopbackServer server = server("engine-close");
    try (RawHttp idle = new RawHttp(server.port())) {
      assertEquals(200, idle.send(RawHttp.request("GET", "/echo", null)).read().status());
      assertFalse(HttpLoopbackServerTest.threads("inferlink-emulator-engine-close-conn").isEmpty());
      server.close();
      assertTrue(idle.closedByServer());
    }
    assertTrue(HttpLoopbackServerTest.awaitNoThreads("inferlink-emulator-engine-close"),
        "threads left: " + HttpLoopbackServerTest.threads("inferlink-emulator-engine-close"));
  }
}
