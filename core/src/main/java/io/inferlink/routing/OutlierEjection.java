package io.inferlink.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * Passive outlier ejection for a client with several endpoints: an endpoint whose calls fail
 * {@code consecutiveFailures} times in a row with a failure that says the server is not serving (unavailable,
 * overloaded, deadline passed, connection refused or reset) is taken out of rotation for
 * {@code baseEjectionTime}, twice as long on each ejection in a row, at most {@code maxEjectionTime}; it comes
 * back when the time is up (or earlier when a health check finds it ready). Errors that are the caller's (bad
 * request, unknown model) never count. Immutable and thread-safe.
 *
 * @param consecutiveFailures failures in a row that eject an endpoint; 0 turns ejection off
 * @param baseEjectionTime how long the first ejection lasts; positive
 * @param maxEjectionTime the longest ejection; at least {@code baseEjectionTime}
 */
public record OutlierEjection(int consecutiveFailures, Duration baseEjectionTime, Duration maxEjectionTime) {
  private static final OutlierEjection DEFAULTS =
      new OutlierEjection(5, Duration.ofSeconds(10), Duration.ofMinutes(5));
  private static final OutlierEjection DISABLED =
      new OutlierEjection(0, Duration.ofSeconds(10), Duration.ofMinutes(5));

  /**
   * Validates the values.
   *
   * @param consecutiveFailures failures in a row that eject an endpoint, 0 to 1000; 0 turns ejection off
   * @param baseEjectionTime how long the first ejection lasts; positive, not null
   * @param maxEjectionTime the cap on an ejection's time; not null, at least {@code baseEjectionTime}
   * @throws IllegalArgumentException when a value is out of its range
   */
  public OutlierEjection {
    if (consecutiveFailures < 0 || consecutiveFailures > 1000) {
      throw new IllegalArgumentException("consecutiveFailures must be in 0..1000, got " + consecutiveFailures);
    }
    Objects.requireNonNull(baseEjectionTime, "baseEjectionTime");
    Objects.requireNonNull(maxEjectionTime, "maxEjectionTime");
    if (baseEjectionTime.isNegative() || baseEjectionTime.isZero()) {
      throw new IllegalArgumentException("baseEjectionTime must be positive, got " + baseEjectionTime);
    }
    if (maxEjectionTime.compareTo(baseEjectionTime) < 0) {
      throw new IllegalArgumentException("maxEjectionTime must be >= baseEjectionTime, got " + maxEjectionTime);
    }
  }

  /**
   * Five failures in a row eject for 10 s, doubling up to 5 min: the default.
   *
   * @return the default policy, a shared instance
   */
  public static OutlierEjection defaults() {
    return DEFAULTS;
  }

  /**
   * No ejection for failures: failing endpoints stay in rotation. Health checks may still take one out, and a
   * server that answers with {@code Retry-After} (or gRPC pushback) is still left alone for the time it asked.
   *
   * @return the policy that never ejects, a shared instance
   */
  public static OutlierEjection disabled() {
    return DISABLED;
  }

  /**
   * Ejection after {@code failures} failures in a row, for {@code ejectionTime} doubling up to 5 min (or that, if longer).
   *
   * @param failures failures in a row that eject an endpoint, 0 to 1000; 0 turns ejection off
   * @param ejectionTime how long the first ejection lasts; positive
   * @return the policy
   */
  public static OutlierEjection afterConsecutiveFailures(int failures, Duration ejectionTime) {
    Duration max = Duration.ofMinutes(5).compareTo(ejectionTime) < 0 ? ejectionTime : Duration.ofMinutes(5);
    return new OutlierEjection(failures, ejectionTime, max);
  }

  /**
   * True unless {@link #consecutiveFailures()} is 0.
   *
   * @return whether failures eject an endpoint at all
   */
  public boolean isEnabled() {
    return consecutiveFailures > 0;
  }

  /**
   * How long the {@code n}th ejection in a row lasts (1 for the first).
   *
   * @param n which ejection in a row this is, counting from 1 (values below 1 count as 1)
   * @return the time the endpoint stays out, never more than {@link #maxEjectionTime()}
   */
  public Duration ejectionTime(int n) {
    int doublings = Math.min(Math.max(0, n - 1), 30);
    Duration d = baseEjectionTime.multipliedBy(1L << doublings);
    return d.compareTo(maxEjectionTime) > 0 ? maxEjectionTime : d;
  }
}
