package io.inferlink.micrometer;

import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceInterceptor;
import java.util.concurrent.CompletableFuture;

/**
 * {@link MicrometerInterceptor#attempts()}: runs inside the retries, where each attempt passes, and
 * counts attempts by outcome and the retries among them. Thread-safe.
 */
final class AttemptCounter implements InferenceInterceptor {
  private final MicrometerInterceptor owner;

  AttemptCounter(MicrometerInterceptor owner) {
    this.owner = owner;
  }

  @Override
  public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
    CallKey key = owner.key(call);
    ClientMeters meters = owner.meters();
    if (call.attempt() > 1) {
      meters.retries(key).increment();
    }
    CompletableFuture<T> sent = chain.proceed(call);
    CompletableFuture<T> result = new CompletableFuture<>();
    sent.whenComplete((value, error) -> {
      meters.attempts(key, Outcomes.of(error)).increment();
      if (error == null) {
        result.complete(value);
      } else {
        result.completeExceptionally(error);
      }
    });
    return result;
  }

  @Override
  public String toString() {
    return "MicrometerInterceptor.attempts";
  }
}
