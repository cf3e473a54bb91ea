package io.inferlink.interceptor;

import java.time.Duration;
import java.util.Objects;

/**
 * How many retries a client may send, so that a failing server is not hammered by every caller's retries at
 * once: over the last {@code window}, retries (and hedged second attempts) may be at most {@code ratio} of the
 * calls plus {@code minRetriesPerSecond} per second of the window. A retry beyond the budget is not sent: the
 * call fails with the failure it had. One budget per client, shared by all its calls. Immutable and thread-safe.
 *
 * <p>The shape is Finagle's and Envoy's retry budget; the default, 10% of calls plus 10 retries a second over
 * 10 seconds, lets a client ride out a server that fails now and then but not multiply the load on one that
 * fails every call.
 *
 * @param ratio share of calls that may be retried, in 0..1000 (1 = as many retries as calls)
 * @param minRetriesPerSecond retries allowed whatever the traffic, so a client with few calls can retry at all
 * @param window how far back calls and retries are counted; 1 s to 1 h
 */
public record RetryBudget(double ratio, int minRetriesPerSecond, Duration window) {
  private static final RetryBudget DEFAULTS = new RetryBudget(0.1, 10, Duration.ofSeconds(10));
  private static final RetryBudget UNLIMITED = new RetryBudget(1000, 1_000_000, Duration.ofSeconds(1));

  /**
   * Validates the values.
   *
   * @param ratio share of calls that may be retried, in 0..1000
   * @param minRetriesPerSecond retries allowed per second of the window whatever the traffic; not negative
   * @param window how far back calls and retries are counted, 1 s to 1 h; not null
   * @throws IllegalArgumentException when a value is out of its range
   */
  public RetryBudget {
    if (!(ratio >= 0 && ratio <= 1000)) {
      throw new IllegalArgumentException("retry budget ratio must be in 0..1000, got " + ratio);
    }
    if (minRetriesPerSecond < 0) {
      throw new IllegalArgumentException("retry budget minRetriesPerSecond must be >= 0, got " + minRetriesPerSecond);
    }
    Objects.requireNonNull(window, "window");
    if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("retry budget window must be in 1s..1h, got " + window);
    }
  }

  /**
   * 10% of calls plus 10 retries a second, over 10 seconds: the default.
   *
   * @return the default budget, a shared instance
   */
  public static RetryBudget defaults() {
    return DEFAULTS;
  }

  /**
   * No limit in practice (1,000 retries per call): for tests that study retries alone.
   *
   * @return a budget that in practice never refuses a retry, a shared instance
   */
  public static RetryBudget unlimited() {
    return UNLIMITED;
  }

  /**
   * This budget with another ratio.
   *
   * @param newRatio share of calls that may be retried, in 0..1000
   * @return a new budget; this one is unchanged
   */
  public RetryBudget withRatio(double newRatio) {
    return new RetryBudget(newRatio, minRetriesPerSecond, window);
  }

  /**
   * This budget with another floor.
   *
   * @param perSecond retries allowed per second of the window whatever the traffic; not negative
   * @return a new budget; this one is unchanged
   */
  public RetryBudget withMinRetriesPerSecond(int perSecond) {
    return new RetryBudget(ratio, perSecond, window);
  }
}
