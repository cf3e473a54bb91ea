package io.inferlink.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceCall.Operation;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link PreparedCall#of} and {@link PreparedCall#map}. */
class PreparedCallTest {
  private static final Attempt ATTEMPT = Attempt.of(InferenceCall.builder(Operation.SERVER_LIVE).provider("p")
      .endpoint("http://h").timeout(Duration.ofSeconds(5)).header("x-call", "1").build());

  @Test
  void ofSendsEachAttemptThroughTheFunctionAndKeepsTheSize() {
    AtomicReference<Attempt> seen = new AtomicReference<>();
    PreparedCall<String> call = PreparedCall.of(42, attempt -> {
      seen.set(attempt);
      return CompletableFuture.completedFuture("answer");
    });
    assertEquals("answer", call.sendBlocking(ATTEMPT));
    assertSame(ATTEMPT, seen.get());
    assertEquals(42, call.requestBytes());
    assertEquals(42, call.map(String::length).requestBytes());
  }

  @Test
  void mapDecodesTheAnswerAndItsFailuresFailTheAttempt() {
    PreparedCall<String> call = PreparedCall.of(-1, attempt -> CompletableFuture.completedFuture("four"));
    assertEquals(4, call.map(String::length).sendBlocking(ATTEMPT));
    InferenceException bad = Errors.create(ErrorCode.UNKNOWN, "bad answer", "p", null);
    PreparedCall<Integer> rejecting = call.map(s -> {
      throw bad;
    });
    CompletionException e = assertThrows(CompletionException.class, () -> rejecting.send(ATTEMPT).join());
    assertSame(bad, e.getCause());
  }

  @Test
  void aFailedExchangeNeverReachesTheDecoder() {
    InferenceException down = Errors.create(ErrorCode.UNAVAILABLE, "down", "p", null);
    PreparedCall<Integer> call = PreparedCall.<String>of(-1, attempt -> CompletableFuture.failedFuture(down))
        .map(s -> {
          throw new AssertionError("decoded a failure");
        });
    assertSame(down, assertThrows(InferenceException.class, () -> call.sendBlocking(ATTEMPT)));
  }

  @Test
  void cancellingTheMappedFutureCancelsTheExchange() {
    CompletableFuture<String> exchange = new CompletableFuture<>();
    CompletableFuture<Integer> mapped = PreparedCall.of(-1, attempt -> exchange).map(String::length).send(ATTEMPT);
    assertFalse(exchange.isCancelled());
    mapped.cancel(true);
    assertTrue(exchange.isCancelled(), "the caller's cancel must reach the network call");
  }
}
