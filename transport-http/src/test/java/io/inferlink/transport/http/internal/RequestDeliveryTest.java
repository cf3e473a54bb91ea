package io.inferlink.transport.http.internal;

import static io.inferlink.transport.http.internal.TransportTests.failure;
import static io.inferlink.transport.http.internal.TransportTests.transport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceException;
import io.inferlink.InferenceException.Delivery;
import io.inferlink.UnavailableException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * Whether a failed request went out whole, and whether the transport sends it once more: never for a
 * request the server may have run, unless it is idempotent.
 */
class RequestDeliveryTest {
  /** Reads the whole request, then resets the connection without a word, like a server that died running it. */
  private static final RawHttpServer.Handler RESET_AFTER_READING = (r, c) -> {
    c.socket.setSoLinger(true, 0);
    c.socket.close();
  };

  private static HttpRequestSpec.Builder post() {
    return HttpRequestSpec.post("/v2/models/m/infer", RequestBody.ofBytes("{\"inputs\":[]}".getBytes()),
        "application/json");
  }

  /** Requests the server received, once the transport had time to send any second one. */
  private static int received(RawHttpServer s) throws InterruptedException {
    Thread.sleep(200);
    return s.requests.size();
  }

  @Test
  void aResetAfterTheWholeRequestWasReadIsReportedAsOutcomeUnknownAndNotResent() throws Exception {
    try (RawHttpServer s = new RawHttpServer(RESET_AFTER_READING); HttpTransport t = transport(s, ClientOptions.defaults())) {
      InferenceException e = assertInstanceOf(UnavailableException.class, failure(t.send(post().build())));
      assertEquals(Delivery.OUTCOME_UNKNOWN, e.delivery(), e.toString());
      assertEquals(1, received(s), "the server may have run it: it must not get it again");
    }
  }

  @Test
  void anIdempotentRequestIsSentOnceMoreAfterSuchAReset() throws Exception {
    try (RawHttpServer s = new RawHttpServer(RESET_AFTER_READING); HttpTransport t = transport(s, ClientOptions.defaults())) {
      InferenceException e = assertInstanceOf(UnavailableException.class,
          failure(t.send(post().idempotent(true).build())));
      assertEquals(Delivery.OUTCOME_UNKNOWN, e.delivery());
      assertEquals(2, received(s));
    }
  }

  @Test
  void aGetIsIdempotentAndSentOnceMore() throws Exception {
    try (RawHttpServer s = new RawHttpServer(RESET_AFTER_READING); HttpTransport t = transport(s, ClientOptions.defaults())) {
      InferenceException e = assertInstanceOf(UnavailableException.class,
          failure(t.send(HttpRequestSpec.get("/v2/health/ready").build())));
      assertEquals(Delivery.OUTCOME_UNKNOWN, e.delivery());
      assertEquals(2, received(s));
    }
  }

  @Test
  void aRefusedConnectionNeverCarriedTheRequest() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = closed.getLocalPort();
    }
    try (HttpTransport t = HttpTransport.create(new HttpTarget(false, "127.0.0.1", port, ""), ClientOptions.defaults(),
        TransportTests.PROVIDER)) {
      InferenceException e = assertInstanceOf(UnavailableException.class, failure(t.send(post().build())));
      assertEquals(Delivery.NOT_SENT, e.delivery(), e.toString());
    }
  }
}
