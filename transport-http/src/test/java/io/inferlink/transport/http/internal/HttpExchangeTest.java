package io.inferlink.transport.http.internal;

import static io.inferlink.transport.http.internal.TransportTests.await;
import static io.inferlink.transport.http.internal.TransportTests.failure;
import static io.inferlink.transport.http.internal.TransportTests.transport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.DeadlineExceededException;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ServerException;
import io.inferlink.UnavailableException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.spi.support.Attempt;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.testkit.SecretLeaks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The one REST exchange: an attempt's own headers and time left go on the wire, non-2xx answers go
 * to the error reader (the shared one or the protocol's), a rejected answer names the protocol, a
 * secret-named header of the call is scrubbed from errors like the client's own, and cancelling an
 * attempt hangs up.
 */
class HttpExchangeTest {
  private static final String PROTOCOL = "a test protocol response";

  private static Attempt attempt(Map<String, String> headers, Duration timeout) {
    InferenceCall.Builder b = InferenceCall.builder(InferenceCall.Operation.SERVER_LIVE)
        .provider(TransportTests.PROVIDER).timeout(timeout);
    headers.forEach(b::header);
    return Attempt.of(b.build());
  }

  private static Attempt attempt(Map<String, String> headers) {
    return attempt(headers, Duration.ofSeconds(10));
  }

  @Test
  void theCallsHeadersComeAfterTheClientsAndBeforeTheProtocols() throws Exception {
    try (RawHttpServer s = new RawHttpServer((r, c) -> c.reply(200, "text/plain", "ok"));
        HttpExchange exchange = new HttpExchange(transport(s, ClientOptions.builder().header("X-Tenant", "client")
            .header("X-Team", "search").build()), TransportTests.PROVIDER, PROTOCOL)) {
      PreparedCall<Integer> call = exchange.prepare(HttpRequestSpec.get("/v2").accept("application/json").build(),
          HttpResult::status);
      assertEquals(200, await(call.send(attempt(Map.of("x-tenant", "blue", "Accept", "text/html", "traceparent", "00-a-b-01")))));
      RawHttpServer.Request r = s.take();
      assertEquals(List.of("blue"), r.headers().get("x-tenant"), "the call's header replaces the client's");
      assertEquals("search", r.header("x-team"));
      assertEquals("00-a-b-01", r.header("traceparent"));
      assertEquals("application/json", r.header("accept"), "the protocol's own header wins");

      assertEquals(200, await(call.send(attempt(Map.of()))));
      assertEquals("client", s.take().header("x-tenant"), "the headers were of that call only");
    }
  }

  @Test
  void aHeaderTheTransportOwnsFailsTheCallBeforeSending() throws Exception {
    try (RawHttpServer s = new RawHttpServer((r, c) -> c.reply(200, "text/plain", "ok"));
        HttpExchange exchange = new HttpExchange(transport(s, ClientOptions.defaults()), TransportTests.PROVIDER, PROTOCOL)) {
      PreparedCall<Integer> call = exchange.prepare(HttpRequestSpec.get("/v2").build(), HttpResult::status);
      InvalidRequestException e = assertInstanceOf(InvalidRequestException.class,
          failure(call.send(attempt(Map.of("Host", "elsewhere")))));
      assertTrue(e.getMessage().contains("authority"), e.getMessage());
      assertNull(s.requests.poll(200, TimeUnit.MILLISECONDS), "nothing was sent");
    }
  }

  @Test
  void aSecretNamedHeaderOfTheCallIsScrubbedFromTheError() throws Exception {
    String secret = "per-call-key-5f1c2a";
    try (RawHttpServer s = new RawHttpServer((r, c) -> c.reply(403, "text/plain", "denied for key " + r.header("x-api-key")
        + " and token " + r.header("authorization")));
        HttpExchange exchange = new HttpExchange(transport(s, ClientOptions.defaults()), TransportTests.PROVIDER, PROTOCOL)) {
      PreparedCall<Integer> call = exchange.prepare(HttpRequestSpec.get("/v2").build(), HttpResult::status);
      InferenceException e = assertInstanceOf(InferenceException.class,
          failure(call.send(attempt(Map.of("X-Api-Key", secret, "Authorization", "Bearer tok-" + secret)))));
      assertTrue(e.getMessage().contains("denied for key"), e.getMessage());
      SecretLeaks.assertNoneShown("per-call headers", e, List.of(secret, "tok-" + secret));
    }
  }

  @Test
  void errorsGoToTheSharedReaderOrTheProtocolsOwn() throws Exception {
    try (RawHttpServer s = new RawHttpServer((r, c) -> c.reply(404, "application/json", "{\"error\": \"no model m\"}"))) {
      HttpTransport t = transport(s, ClientOptions.defaults());
      try (HttpExchange shared = new HttpExchange(t, TransportTests.PROVIDER, PROTOCOL)) {
        ModelNotFoundException e = assertInstanceOf(ModelNotFoundException.class,
            failure(shared.prepare(HttpRequestSpec.get("/v2/models/m").build(), HttpResult::status).send(attempt(Map.of()))));
        assertEquals("no model m", e.serverMessage());
        UnavailableException own = new UnavailableException("the protocol's own reading");
        HttpExchange custom = new HttpExchange(t, TransportTests.PROVIDER, PROTOCOL, (result, provider) -> own);
        assertSame(own, failure(custom.prepare(HttpRequestSpec.get("/v2").build(), HttpResult::status)
            .send(attempt(Map.of()))));
        assertEquals(404, await(shared.prepareAnyStatus(HttpRequestSpec.get("/v2").build(), HttpResult::status)
            .send(attempt(Map.of()))), "any status is the decoder's to read");
      }
    }
  }

  @Test
  void anAnswerTheDecoderRejectsIsAServerErrorNamingTheProtocol() throws Exception {
    try (RawHttpServer s = new RawHttpServer((r, c) -> c.reply(200, "application/json", "{\"outputs\": 7}"));
        HttpExchange exchange = new HttpExchange(transport(s, ClientOptions.defaults()), TransportTests.PROVIDER, PROTOCOL)) {
      MalformedAnswerException bad = new MalformedAnswerException("'outputs' is not a list");
      PreparedCall<Object> call = exchange.prepare(HttpRequestSpec.get("/v2").build(), http -> {
        throw bad;
      });
      ServerException e = assertInstanceOf(ServerException.class, failure(call.send(attempt(Map.of()))));
      assertTrue(e.getMessage().startsWith("the server's answer is not a test protocol response: 'outputs' is not a list"),
          e.getMessage());
      assertEquals(ErrorCode.UNKNOWN, e.code());
      assertEquals(200, e.httpStatus());
      assertEquals(TransportTests.PROVIDER, e.provider());
      assertSame(bad, e.getCause());
    }
  }

  @Test
  void theAttemptsTimeLeftIsTheDeadline() throws Exception {
    try (RawHttpServer s = new RawHttpServer((r, c) -> c.awaitClientClose(5_000));
        HttpExchange exchange = new HttpExchange(transport(s, ClientOptions.defaults()), TransportTests.PROVIDER, PROTOCOL)) {
      long start = System.nanoTime();
      Throwable t = failure(exchange.prepare(HttpRequestSpec.get("/slow").build(), HttpResult::status)
          .send(attempt(Map.of(), Duration.ofMillis(300))));
      assertInstanceOf(DeadlineExceededException.class, t);
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "ended by the attempt's deadline");
    }
  }

  @Test
  void cancellingAnAttemptHangsUp() throws Exception {
    boolean[] hungUp = new boolean[1];
    try (RawHttpServer s = new RawHttpServer((r, c) -> hungUp[0] = c.awaitClientClose(5_000));
        HttpExchange exchange = new HttpExchange(transport(s, ClientOptions.defaults()), TransportTests.PROVIDER, PROTOCOL)) {
      CompletableFuture<Integer> f = exchange.prepare(HttpRequestSpec.get("/slow").build(), HttpResult::status)
          .send(attempt(Map.of()));
      s.take();
      assertTrue(f.cancel(true));
      for (int i = 0; i < 200 && !hungUp[0]; i++) {
        Thread.sleep(10);
      }
      assertTrue(hungUp[0], "the server saw the connection closed");
      assertFalse(f.isCompletedExceptionally() && !f.isCancelled());
    }
  }
}
