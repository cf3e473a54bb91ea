package io.inferlink.interceptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.interceptor.InferenceCall.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The call value interceptors see, the request's own headers, and the options' list of interceptors. */
class InferenceCallTest {
  private static final InferenceRequest REQUEST = InferenceRequest.builder("m")
      .input(Tensor.ofFloats("x", new float[] {1}, 1)).build();

  private static InferenceCall.Builder infer() {
    return InferenceCall.builder(Operation.INFER).provider("p").timeout(Duration.ofSeconds(5));
  }

  @Test
  void requestHeadersAreCheckedKeptInOrderAndMaskedWhenSecret() {
    InferenceRequest r = REQUEST.toBuilder().header("X-Tenant", "blue").header("Authorization", "Bearer s3cr3t")
        .header("x-tenant", "green").build();
    assertEquals(Map.of("Authorization", "Bearer s3cr3t", "x-tenant", "green"), r.headers());
    assertEquals(List.of("Authorization", "x-tenant"), List.copyOf(r.headers().keySet()));
    assertFalse(r.toString().contains("s3cr3t"), r.toString());
    assertTrue(r.toString().contains("x-tenant=green"), r.toString());
    assertEquals(r.headers(), r.toBuilder().build().headers());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InferenceRequest.builder("m").header("x-a", "v\r\nHost: evil"));
    assertFalse(e.getMessage().contains("evil"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> InferenceRequest.builder("m").header("bad name", "v"));
    assertTrue(REQUEST.headers().isEmpty());
  }

  @Test
  void aCallTakesTheRequestsModelHeadersAndIdempotence() {
    InferenceRequest r = REQUEST.toBuilder().header("X-Tenant", "blue").idempotent(true).build();
    InferenceCall call = infer().request(r).endpoint("kserve-v2+http://u:pw@h:1/?api-key=k").build();
    assertEquals(ModelRef.of("m"), call.model());
    assertEquals(Map.of("X-Tenant", "blue"), call.headers());
    assertTrue(call.idempotent());
    assertEquals("kserve-v2+http://***@h:1/?api-key=***", call.endpoint());
    assertEquals(1, call.attempt());
    assertEquals(-1, call.requestBytes());
  }

  @Test
  void onlyReadingOperationsAreIdempotentByDefault() {
    assertFalse(InferenceCall.builder(Operation.INFER).provider("p").timeout(Duration.ofSeconds(1)).build().idempotent());
    assertTrue(InferenceCall.builder(Operation.MODEL_METADATA).provider("p").timeout(Duration.ofSeconds(1)).build()
        .idempotent());
    InferenceCall load = InferenceCall.extension("repository.load").provider("p").timeout(Duration.ofSeconds(1)).build();
    assertEquals(Operation.EXTENSION, load.operation());
    assertEquals("repository.load", load.operationName());
    assertFalse(load.idempotent());
    assertThrows(IllegalArgumentException.class, () -> InferenceCall.builder(Operation.EXTENSION));
    assertThrows(NullPointerException.class, () -> InferenceCall.builder(Operation.INFER).timeout(Duration.ofSeconds(1)).build());
  }

  @Test
  void withHeaderAndWithAttemptReturnChangedCopies() throws Exception {
    InferenceCall call = infer().request(REQUEST).build();
    InferenceCall traced = call.withHeader("traceparent", "00-a-b-01").withHeader("X-Api-Key", "k-123");
    assertTrue(call.headers().isEmpty());
    assertEquals(Map.of("traceparent", "00-a-b-01", "X-Api-Key", "k-123"), traced.headers());
    assertEquals(call.deadline(), traced.deadline(), "a header does not move the deadline");
    assertFalse(traced.toString().contains("k-123"), traced.toString());
    assertThrows(IllegalArgumentException.class, () -> call.withHeader("x", "a\nb"));
    assertThrows(UnsupportedOperationException.class, () -> traced.headers().put("x", "y"));

    Thread.sleep(20);
    InferenceCall second = traced.withAttempt(2);
    assertEquals(2, second.attempt());
    assertEquals(traced.headers(), second.headers());
    assertEquals(traced.deadline(), second.deadline(), "a retry keeps the call's deadline");
    assertTrue(second.timeLeft().compareTo(traced.timeout().minusMillis(20)) <= 0,
        "20 ms after the start the retry has at most the rest: " + second.timeLeft());
    assertThrows(IllegalArgumentException.class, () -> call.withAttempt(0));
  }

  @Test
  void aHugeTimeoutDoesNotOverflowTheDeadline() {
    InferenceCall call = InferenceCall.builder(Operation.SERVER_LIVE).provider("p").timeout(Duration.ofDays(365L * 1000))
        .build();
    assertTrue(call.timeLeft().compareTo(Duration.ofDays(365L * 99)) > 0);
  }

  @Test
  void optionsKeepInterceptorsInOrderAndCopyThem() {
    InferenceInterceptor a = new Passing();
    InferenceInterceptor b = new Passing();
    ClientOptions options = ClientOptions.builder().interceptor(a).interceptor(b).build();
    assertEquals(List.of(a, b), options.interceptors());
    assertEquals(List.of(a, b), options.toBuilder().build().interceptors());
    assertTrue(options.toString().contains(Passing.class.getName()), options.toString());
    assertTrue(ClientOptions.defaults().interceptors().isEmpty());
    assertThrows(NullPointerException.class, () -> ClientOptions.builder().interceptor(null));
    assertNotSame(a, b);
  }

  private static final class Passing implements InferenceInterceptor {
    @Override
    public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
      return chain.proceed(call);
    }
  }
}
