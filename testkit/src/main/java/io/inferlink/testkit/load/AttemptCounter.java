package io.inferlink.testkit.load;

import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceInterceptor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the attempts a client sends: add it with
 * {@link io.inferlink.ClientOptions.Builder#attemptInterceptor}, where it runs inside the retries (and
 * inside a failover group's pipeline), so it sees every attempt, hedged ones included, once each.
 * Thread-safe; one instance may serve several clients, whose attempts it then sums.
 */
public final class AttemptCounter implements InferenceInterceptor {
  private final LongAdder attempts = new LongAdder();

  /** A counter at zero. */
  public AttemptCounter() {}

  @Override
  public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
    attempts.increment();
    return chain.proceed(call);
  }

  /**
   * The attempts seen so far.
   *
   * @return the number of attempts since this counter was made, summed over every client using it
   */
  public long count() {
    return attempts.sum();
  }
}
