package io.inferlink.spi;

import io.inferlink.spi.support.Errors;
import io.inferlink.Capabilities;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.ServerMetadata;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Retries retryable failures of any client by a {@link RetryPolicy}, with jittered exponential
 * backoff on the JDK's daemon delay scheduler (no thread of our own). A failure after which the
 * server may have run the request ({@link InferenceException.Delivery#OUTCOME_UNKNOWN}) is retried
 * only for idempotent calls: inference requests marked so, and every metadata, readiness and liveness
 * call; or for all calls when the policy says so. Cancelling the returned future stops further
 * attempts and cancels the one in flight. Thread-safe.
 */
final class RetryingInferenceClient implements InferenceClient {
  private final InferenceClient delegate;
  private final RetryPolicy policy;

  RetryingInferenceClient(InferenceClient delegate, RetryPolicy policy) {
    this.delegate = delegate;
    this.policy = policy;
  }

  @Override
  public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
    return withRetries(request.idempotent(), () -> delegate.inferAsync(request));
  }

  @Override
  public CompletableFuture<ModelMetadata> modelMetadataAsync(ModelRef model) {
    return withRetries(true, () -> delegate.modelMetadataAsync(model));
  }

  @Override
  public CompletableFuture<Boolean> modelReadyAsync(ModelRef model) {
    return withRetries(true, () -> delegate.modelReadyAsync(model));
  }

  @Override
  public CompletableFuture<Boolean> serverLiveAsync() {
    return withRetries(true, delegate::serverLiveAsync);
  }

  @Override
  public CompletableFuture<Boolean> serverReadyAsync() {
    return withRetries(true, delegate::serverReadyAsync);
  }

  @Override
  public CompletableFuture<ServerMetadata> serverMetadataAsync() {
    return withRetries(true, delegate::serverMetadataAsync);
  }

  @Override
  public Capabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public String providerName() {
    return delegate.providerName();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return delegate.unwrap(type);
  }

  @Override
  public void close() {
    delegate.close();
  }

  private <T> CompletableFuture<T> withRetries(boolean idempotent, Supplier<CompletableFuture<T>> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    attempt(call, idempotent || policy.retryWhenOutcomeUnknown(), 1, result);
    return result;
  }

  private <T> void attempt(Supplier<CompletableFuture<T>> call, boolean mayRunTwice, int attempt,
      CompletableFuture<T> result) {
    if (result.isDone()) {
      return;
    }
    CompletableFuture<T> inFlight;
    try {
      inFlight = call.get();
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    result.whenComplete((v, e) -> {
      if (result.isCancelled()) {
        inFlight.cancel(true);
      }
    });
    inFlight.whenComplete((value, error) -> {
      if (error == null) {
        result.complete(value);
        return;
      }
      InferenceException failure = Errors.wrap(error, delegate.providerName());
      boolean mayHaveRun = failure.delivery() == InferenceException.Delivery.OUTCOME_UNKNOWN;
      if (!failure.isRetryable() || (mayHaveRun && !mayRunTwice) || attempt >= policy.maxAttempts() || result.isDone()) {
        result.completeExceptionally(failure);
        return;
      }
      long base = policy.backoffBefore(attempt + 1).toMillis();
      long delay = base <= 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2, base + 1);
      CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)
          .execute(() -> attempt(call, mayRunTwice, attempt + 1, result));
    });
  }
}
