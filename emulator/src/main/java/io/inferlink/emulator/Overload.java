package io.inferlink.emulator;

import io.inferlink.ErrorCode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The overload switch of one {@link Emulator}, shared by all its frontends: while it is on, every
 * request is refused before it reaches a route or a service, the way a server shedding load answers.
 * REST frontends answer 503 with {@code Retry-After: <seconds>} and their protocol's own error body;
 * gRPC frontends close the call with {@code UNAVAILABLE} and the trailer
 * {@value #GRPC_PUSHBACK_TRAILER} in milliseconds. Readiness and liveness calls are refused too: an
 * overloaded server that still said "ready" would draw a client's health checks back to it. Thread-safe.
 */
public final class Overload {
  /** The HTTP response header that says when to come back (RFC 9110 §10.2.3), here always in delta-seconds. */
  public static final String RETRY_AFTER_HEADER = "Retry-After";
  /** The gRPC trailer that says when to come back, in milliseconds (gRFC A6). */
  public static final String GRPC_PUSHBACK_TRAILER = "grpc-retry-pushback-ms";

  // null while the server serves normally; one volatile read per request is all it costs then.
  private volatile Duration retryAfter;
  private final AtomicLong refused = new AtomicLong();

  /** A switch that is off. */
  public Overload() {}

  /**
   * Turns the switch on (or changes the wait it asks for).
   *
   * @param retryAfter the wait refusals ask clients for; zero or more
   * @throws IllegalArgumentException when {@code retryAfter} is negative
   */
  public void start(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
    }
    this.retryAfter = retryAfter;
  }

  /** Turns the switch off: requests are served again. Idempotent. */
  public void end() {
    this.retryAfter = null;
  }

  /**
   * The wait the refusals ask for while the switch is on; empty while it is off.
   *
   * @return the wait asked for, or empty when the switch is off
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * How many requests were refused since this switch was made.
   *
   * @return the number of refused requests
   */
  public long refused() {
    return refused.get();
  }

  /**
   * Counts the current request as refused and gives the wait to ask for, or {@code null} when the
   * switch is off and the request should be served. Read once per request, so a request sees the
   * switch either on or off, never half of each.
   */
  Duration refuseNow() {
    Duration wait = retryAfter;
    if (wait != null) {
      refused.incrementAndGet();
    }
    return wait;
  }

  /** What a refused request is answered with: UNAVAILABLE, saying when to come back. */
  static ScriptedFailure failure(Duration wait) {
    return new ScriptedFailure(ErrorCode.UNAVAILABLE,
        "the server is overloaded; retry after " + retryAfterSeconds(wait) + " s");
  }

  /**
   * {@code Retry-After} in whole seconds, rounded up: delta-seconds cannot say less than a second, and
   * a client told to wait less than it was asked to would come back too early.
   */
  static long retryAfterSeconds(Duration wait) {
    long seconds = wait.getSeconds();
    return wait.getNano() > 0 ? seconds + 1 : seconds;
  }
}
