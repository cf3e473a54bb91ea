package io.inferlink.interceptor;

import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a client retries calls that failed with a retryable error
 * ({@link InferenceException#isRetryable()}). Off by default: inference is not always idempotent, so
 * retrying is the application's choice. Immutable and thread-safe.
 *
 * <p>Even when on, a call whose request was sent whole but never answered
 * ({@link InferenceException.Delivery#OUTCOME_UNKNOWN}: the server may have run the model) is retried
 * only when running it twice is harmless: an inference request marked
 * {@link InferenceRequest.Builder#idempotent(boolean) idempotent}, any metadata, readiness or liveness
 * call, or every call when {@code retryWhenOutcomeUnknown} is set.
 *
 * <p>All attempts share the call's one timeout, wait at least what the server asked
 * ({@link InferenceException#retryAfter()}), and draw on the client's {@link RetryBudget}: a retry that would
 * pass the deadline or that the budget refuses is not made, and the call fails with the server's last failure.
 *
 * @param maxAttempts total attempts including the first; 1 means no retry
 * @param initialBackoff wait before the first retry
 * @param maxBackoff the longest wait between attempts
 * @param multiplier growth of the wait after each attempt
 * @param retryWhenOutcomeUnknown retry calls that may have run on the server even when the request
 *     is not marked idempotent
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
    boolean retryWhenOutcomeUnknown) {
  private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0);

  /**
   * Validates the values.
   *
   * @param maxAttempts total attempts including the first, 1 to 100
   * @param initialBackoff wait before the first retry; not null, not negative
   * @param maxBackoff the cap on any wait; not null, at least {@code initialBackoff}
   * @param multiplier factor the wait grows by after each retry; at least 1
   * @param retryWhenOutcomeUnknown whether calls that may have run on the server are retried even when not marked
   *     idempotent
   * @throws IllegalArgumentException when a value is out of its range
   */
  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException("maxAttempts must be in 1..100, got " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("backoffs must be >= 0 and maxBackoff >= initialBackoff");
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException("multiplier must be >= 1, got " + multiplier);
    }
  }

  /**
   * A policy that does not retry calls whose outcome is unknown unless they are idempotent.
   *
   * @param maxAttempts total attempts including the first, 1 to 100
   * @param initialBackoff wait before the first retry; not null, not negative
   * @param maxBackoff the cap on any wait; not null, at least {@code initialBackoff}
   * @param multiplier factor the wait grows by after each retry; at least 1
   */
  public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {
    this(maxAttempts, initialBackoff, maxBackoff, multiplier, false);
  }

  /**
   * No retries: the default.
   *
   * @return the policy that makes one attempt only, a shared instance
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * Up to {@code maxAttempts} attempts with waits of 100 ms, 200 ms, ... up to 5 s (with jitter).
   *
   * @param maxAttempts total attempts including the first, 1 to 100
   * @return the policy
   */
  public static RetryPolicy exponential(int maxAttempts) {
    return new RetryPolicy(maxAttempts, Duration.ofMillis(100), Duration.ofSeconds(5), 2.0);
  }

  /**
   * This policy, but retrying calls whose outcome is unknown even when the request is not marked
   * idempotent: for models where running a request twice is harmless.
   *
   * @return a new policy; this one is unchanged
   */
  public RetryPolicy retryingWhenOutcomeUnknown() {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, true);
  }

  /**
   * True when this policy retries at all.
   *
   * @return whether {@link #maxAttempts()} is more than 1
   */
  public boolean isEnabled() {
    return maxAttempts > 1;
  }

  /**
   * The wait before attempt {@code attempt} (2 for the first retry), without jitter.
   *
   * @param attempt the number of the attempt about to be made, 2 for the first retry
   * @return the wait, from zero up to {@link #maxBackoff()}; truncated to whole milliseconds
   */
  public Duration backoffBefore(int attempt) {
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 2));
    return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
  }
}
