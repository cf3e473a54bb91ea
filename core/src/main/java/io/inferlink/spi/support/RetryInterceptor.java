package io.inferlink.spi.support;

import io.inferlink.InferenceException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceInterceptor;
import io.inferlink.interceptor.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retries retryable failures by a {@link RetryPolicy}, within the call's one deadline and the client's
 * {@link RetryBudgetTracker}; the pipeline puts it inside the users' interceptors. The rules, in the order
 * they are checked after a failed attempt:
 * <ol>
 *   <li>a failure that is not {@link InferenceException#isRetryable() retryable} (a server that asked not to be
 *       retried included), one after which the server may have run the request
 *       ({@link InferenceException.Delivery#OUTCOME_UNKNOWN}) on a call that is not idempotent (unless the policy
 *       says so), or the policy's last attempt, ends the call;</li>
 *   <li>the wait before the next attempt is the larger of the jittered backoff and the server's
 *       {@link InferenceException#retryAfter()}, or none at all when the prepared call says the next attempt goes to
 *       another endpoint ({@link PreparedCall#nextAttemptGoesElsewhere()}: the wait belongs to the server that
 *       asked);</li>
 *   <li>a wait that would reach the call's deadline is not waited: the call ends now (each attempt gets only
 *       the time left, {@link InferenceCall#withAttempt} keeps the deadline);</li>
 *   <li>a retry the budget refuses is not sent.</li>
 * </ol>
 * Whichever rule ends the call, it fails with the last attempt's failure, the very instance: the server's
 * answer is what the caller needs, not a deadline or budget error of ours. Why no retry was made is logged at
 * DEBUG under {@link Loggers#CLIENT}. Waits run on the JDK's daemon delay scheduler (no thread of our own).
 * Cancelling the returned future stops further attempts; the pipeline cancels the one in flight. Thread-safe.
 */
final class RetryInterceptor implements InferenceInterceptor {
  private static final System.Logger LOG = System.getLogger(Loggers.CLIENT);

  /** Runs a task after a delay: the JDK's scheduler, or a recording one in tests. */
  interface Delays {
    void after(Duration wait, Runnable task);
  }

  private static final Delays JDK_DELAYS = (wait, task) ->
      CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS).execute(task);

  private final RetryPolicy policy;
  private final RetryBudgetTracker budget;
  private final Delays delays;

  RetryInterceptor(RetryPolicy policy, RetryBudgetTracker budget) {
    this(policy, budget, JDK_DELAYS);
  }

  RetryInterceptor(RetryPolicy policy, RetryBudgetTracker budget, Delays delays) {
    this.policy = policy;
    this.budget = budget;
    this.delays = delays;
  }

  /** Retries without knowing the prepared call: every attempt is taken to go to the same endpoint. */
  @Override
  public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
    return intercept(call, chain, null);
  }

  /**
   * Retries {@code call}; {@code prepared} (may be null) is asked before each retry whether it goes to another
   * endpoint. The pipeline calls this form: an interceptor sees only calls, and the question belongs to the
   * prepared call, so the pipeline hands it over rather than widening the public interceptor API.
   */
  <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain, PreparedCall<?> prepared) {
    budget.recordCall();
    CompletableFuture<T> result = new CompletableFuture<>();
    new Retries<>(call, chain, prepared, result).attempt(1);
    return result;
  }

  /** The attempts of one call. */
  private final class Retries<T> {
    private final InferenceCall call;
    private final Chain<T> chain;
    private final PreparedCall<?> prepared;
    private final CompletableFuture<T> result;
    private final boolean mayRunTwice;
    private volatile InferenceException lastFailure;

    Retries(InferenceCall call, Chain<T> chain, PreparedCall<?> prepared, CompletableFuture<T> result) {
      this.call = call;
      this.chain = chain;
      this.prepared = prepared;
      this.result = result;
      this.mayRunTwice = call.idempotent() || policy.retryWhenOutcomeUnknown();
    }

    void attempt(int attempt) {
      if (result.isDone()) {
        return;
      }
      if (attempt > 1 && call.timeLeft().compareTo(Duration.ZERO) <= 0) {
        // The deadline passed while the retry waited to run (a busy scheduler): the server's failure stands.
        result.completeExceptionally(lastFailure);
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
        } else {
          afterFailure(attempt, Errors.wrap(error, call.provider()));
        }
      });
    }

    private void afterFailure(int attempt, InferenceException failure) {
      if (result.isDone()) {
        return;
      }
      String why = finalBecause(attempt, failure);
      if (why == null) {
        Duration wait = waitBefore(attempt + 1, failure);
        if (wait.compareTo(call.timeLeft()) >= 0) {
          why = "waiting " + wait.toMillis() + " ms would pass the call's deadline";
        } else if (!budget.tryAcquireRetry()) {
          why = "the client's retry budget is spent (" + budget.budget() + ")";
        } else {
          lastFailure = failure;
          delays.after(wait, () -> attempt(attempt + 1));
          return;
        }
      }
      if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
        LOG.log(System.Logger.Level.DEBUG, "{0} failed on attempt {1}, not retried: {2}", call, attempt, why);
      }
      result.completeExceptionally(failure);
    }

    /** Why the failure ends the call whatever the time and budget, or null when it may be retried. */
    private String finalBecause(int attempt, InferenceException failure) {
      if (!failure.isRetryable()) {
        return "the failure is not retryable";
      }
      if (failure.delivery() == InferenceException.Delivery.OUTCOME_UNKNOWN && !mayRunTwice) {
        return "the server may have run it and it is not idempotent";
      }
      return attempt >= policy.maxAttempts() ? "it was the policy's last attempt" : null;
    }

    private Duration waitBefore(int next, InferenceException failure) {
      if (prepared != null && prepared.nextAttemptGoesElsewhere()) {
        return Duration.ZERO;
      }
      long base = policy.backoffBefore(next).toNanos();
      Duration backoff = Duration.ofNanos(base <= 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2, base + 1));
      Duration asked = failure.retryAfter().orElse(Duration.ZERO);
      return asked.compareTo(backoff) > 0 ? asked : backoff;
    }
  }
}
