package io.inferlink.spi.support;

import io.inferlink.InferenceException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceInterceptor;
import io.inferlink.interceptor.RetryPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retries retryable failures by a {@link RetryPolicy}, with jittered exponential backoff on the JDK's
 * daemon delay scheduler (no thread of our own); the pipeline puts it inside the users' interceptors.
 * A failure after which the server may have run the request
 * ({@link InferenceException.Delivery#OUTCOME_UNKNOWN}) is retried only for idempotent calls
 * ({@link InferenceCall#idempotent()}: inference requests marked so, every metadata, readiness and
 * liveness call), or for all calls when the policy says so. Each attempt is numbered with
 * {@link InferenceCall#withAttempt} and gets the whole timeout. Cancelling the returned future stops
 * further attempts; the pipeline cancels the one in flight. Thread-safe.
 */
final class RetryInterceptor implements InferenceInterceptor {
  private final RetryPolicy policy;
  private final RetryBudgetTracker budget;

  RetryInterceptor(RetryPolicy policy, RetryBudgetTracker budget) {
    this.policy = policy;
    this.budget = budget;
  }

  @Override
  public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
    CompletableFuture<T> result = new CompletableFuture<>();
    attempt(call, chain, call.idempotent() || policy.retryWhenOutcomeUnknown(), 1, result);
    return result;
  }

  private <T> void attempt(InferenceCall call, Chain<T> chain, boolean mayRunTwice, int attempt,
      CompletableFuture<T> result) {
    if (result.isDone()) {
      return;
    }
    CompletableFuture<T> inFlight;
    try {
      inFlight = chain.proceed(attempt == 1 ? call : call.withAttempt(call.attempt() + attempt - 1));
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    Futures.cancelling(result, inFlight);
    inFlight.whenComplete((value, error) -> {
      if (error == null) {
        result.complete(value);
        return;
      }
      InferenceException failure = Errors.wrap(error, call.provider());
      boolean mayHaveRun = failure.delivery() == InferenceException.Delivery.OUTCOME_UNKNOWN;
      if (!failure.isRetryable() || (mayHaveRun && !mayRunTwice) || attempt >= policy.maxAttempts() || result.isDone()) {
        result.completeExceptionally(failure);
        return;
      }
      long base = policy.backoffBefore(attempt + 1).toMillis();
      long delay = base <= 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2, base + 1);
      CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)
          .execute(() -> attempt(call, chain, mayRunTwice, attempt + 1, result));
    });
  }
}
