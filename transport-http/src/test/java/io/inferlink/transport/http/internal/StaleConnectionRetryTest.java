package io.inferlink.transport.http.internal;

import static io.inferlink.transport.http.internal.TransportTests.await;
import static io.inferlink.transport.http.internal.TransportTests.failure;
import static io.inferlink.transport.http.internal.TransportTests.transport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.inferlink.ClientOptions;
import io.inferlink.UnavailableException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A server that closes connections silently after errors still gets every call; a cut answer is never resent. */
class StaleConnectionRetryTest {

  @Test
  void aServerThatClosesWithoutSayingSoAfterAnErrorGetsEveryLaterCall() throws Exception {
    // Like uvicorn after a 500: answer with keep-alive semantics, then close without saying so. A request
    // written on that connection would fail after going out whole, which is never resent (the server may
    // have run it): so the client does not use a connection again after a 5xx.
    RawHttpServer.Handler closesAfterAnswering = (r, c) -> {
      c.reply(500, "application/json", "{\"error\":\"boom\"}");
      c.socket.close();
    };
    try (RawHttpServer s = new RawHttpServer(closesAfterAnswering); HttpTransport t = transport(s, ClientOptions.defaults())) {
      for (int i = 0; i < 20; i++) {
        HttpResult result = await(t.send(HttpRequestSpec.post("/v2/models/m/infer",
            RequestBody.ofBytes("{}".getBytes()), "application/json").build()));
        assertEquals(500, result.status(), "call " + i + " must reach the server and get its answer");
      }
      assertEquals(0, s.handlerErrors.size(), s.handlerErrors.toString());
    }
  }

  @Test
  void aResponseCutOffAfterItsHeadIsNotSentAgain() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    RawHttpServer.Handler truncated = (r, c) -> {
      seen.incrementAndGet();
      c.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
      c.socket.close();
    };
    try (RawHttpServer s = new RawHttpServer(truncated); HttpTransport t = transport(s, ClientOptions.defaults())) {
      assertInstanceOf(UnavailableException.class, failure(t.send(HttpRequestSpec.post("/x",
          RequestBody.ofBytes("{}".getBytes()), "application/json").build())));
      assertEquals(1, seen.get(), "the server took the request once; it must not get it again");
    }
  }
}
