package io.inferlink.transport.http.internal;

import static io.inferlink.transport.http.internal.TransportTests.await;
import static io.inferlink.transport.http.internal.TransportTests.failure;
import static io.inferlink.transport.http.internal.TransportTests.transport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceException;
import io.inferlink.ResourceExhaustedException;
import io.inferlink.UnavailableException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.spi.support.Attempt;
import io.inferlink.spi.support.CallPipeline;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A server's {@code Retry-After} on a loopback server's real answers: seconds and an HTTP-date become the
 * exception's {@code retryAfter()} whatever the status, and the retries wait at least that long.
 */
class RetryAfterOverHttpTest {
  private static final String PROTOCOL = "a test protocol response";
  private static final String BUSY = "{\"error\": \"model busy\"}";

  private static void busy(RawHttpServer.Conn c, int status, String retryAfter) throws java.io.IOException {
    c.write("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nRetry-After: " + retryAfter
        + "\r\nContent-Length: " + BUSY.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + BUSY);
  }

  private static InferenceCall call() {
    return InferenceCall.builder(InferenceCall.Operation.SERVER_READY).provider(TransportTests.PROVIDER)
        .timeout(Duration.ofSeconds(20)).build();
  }

  @Test
  void deltaSecondsOnA503AreTheExceptionsRetryAfter() throws Exception {
    try (RawHttpServer s = new RawHttpServer((r, c) -> busy(c, 503, "7"));
        HttpExchange exchange = new HttpExchange(transport(s, ClientOptions.defaults()), TransportTests.PROVIDER, PROTOCOL)) {
      InferenceException e = assertInstanceOf(UnavailableException.class,
          failure(exchange.prepare(HttpRequestSpec.get("/v2/health/ready").build(), HttpResult::status)
              .send(Attempt.of(call()))));
      assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
      assertEquals("model busy", e.serverMessage());
    }
  }

  @Test
  void anHttpDateOnA429IsTheTimeUntilThen() throws Exception {
    // Formatted as a Java server would (RFC 1123, a one-digit day unpadded); whole seconds, so the wait is 2..3 s.
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
    try (RawHttpServer s = new RawHttpServer((r, c) -> busy(c, 429, date));
        HttpExchange exchange = new HttpExchange(transport(s, ClientOptions.defaults()), TransportTests.PROVIDER, PROTOCOL)) {
      InferenceException e = assertInstanceOf(ResourceExhaustedException.class,
          failure(exchange.prepare(HttpRequestSpec.get("/v2/health/ready").build(), HttpResult::status)
              .send(Attempt.of(call()))));
      Duration wait = e.retryAfter().orElseThrow(() -> new AssertionError("no retryAfter from " + date));
      assertTrue(wait.compareTo(Duration.ofSeconds(4)) <= 0 && !wait.isNegative(), date + " gave " + wait);
    }
  }

  @Test
  void theRetryWaitsAtLeastWhatTheServerAskedThenSucceeds() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    try (RawHttpServer s = new RawHttpServer((r, c) -> {
      if (requests.incrementAndGet() == 1) {
        busy(c, 503, "1");
      } else {
        c.reply(200, "application/json", "{}");
      }
    });
        HttpExchange exchange = new HttpExchange(transport(s, ClientOptions.defaults()), TransportTests.PROVIDER, PROTOCOL)) {
      CallPipeline pipeline = CallPipeline.of(ClientOptions.builder()
          .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), 1.0)).build());
      long start = System.nanoTime();
      assertEquals(200, await(pipeline.execute(call(),
          exchange.prepare(HttpRequestSpec.get("/v2/health/ready").build(), HttpResult::status))));
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(2, requests.get());
      assertTrue(tookMillis >= 1000, "the retry went out after " + tookMillis + " ms, before the 1 s asked");
    }
  }

  @Test
  void aRetryAfterBeyondTheCallsTimeEndsTheCallWithTheServersAnswer() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    try (RawHttpServer s = new RawHttpServer((r, c) -> {
      requests.incrementAndGet();
      busy(c, 503, "120");
    });
        HttpExchange exchange = new HttpExchange(transport(s, ClientOptions.defaults()), TransportTests.PROVIDER, PROTOCOL)) {
      CallPipeline pipeline = CallPipeline.of(ClientOptions.builder().retryPolicy(RetryPolicy.exponential(5)).build());
      Throwable e = failure(pipeline.execute(call(),
          exchange.prepare(HttpRequestSpec.get("/v2/health/ready").build(), HttpResult::status)));
      UnavailableException busy = assertInstanceOf(UnavailableException.class, e, "the server's 503, not a deadline");
      assertEquals(Optional.of(Duration.ofSeconds(120)), busy.retryAfter());
      assertEquals(1, requests.get(), "no second request: the wait would pass the 20 s deadline");
    }
  }
}
