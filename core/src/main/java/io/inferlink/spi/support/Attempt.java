package io.inferlink.spi.support;

import io.inferlink.interceptor.InferenceCall;
import java.time.Duration;
import java.util.Map;

/**
 * What a transport needs to send one attempt of a call: the headers of this call alone (to add after
 * the client's own), the time left until the attempt's deadline, and the attempt's number. Immutable
 * and thread-safe.
 */
public final class Attempt {
  private static final Duration AT_LEAST = Duration.ofNanos(1);

  private final int number;
  private final Map<String, String> headers;
  private final long deadlineNanos;

  private Attempt(int number, Map<String, String> headers, long deadlineNanos) {
    this.number = number;
    this.headers = headers;
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * The attempt that {@code call} stands for: its number, its headers, its deadline.
   *
   * @param call the call as the interceptors pass it on; not null
   * @return the attempt, its deadline fixed now from the call's time left
   */
  public static Attempt of(InferenceCall call) {
    return new Attempt(call.attempt(), call.headers(), System.nanoTime() + call.timeLeft().toNanos());
  }

  /**
   * 1 for the first attempt.
   *
   * @return the attempt's number, 1 or more
   */
  public int number() {
    return number;
  }

  /**
   * The headers of this call alone, in order; the transport adds them after the client's own.
   *
   * @return the call's unmodifiable headers, possibly empty
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * The time left until the attempt's deadline, to use as the transport's timeout; never less than
   * a nanosecond, so a deadline that has just passed still ends the call as a deadline does.
   *
   * @return the time left, at least one nanosecond
   */
  public Duration timeLeft() {
    Duration left = Duration.ofNanos(deadlineNanos - System.nanoTime());
    return left.compareTo(AT_LEAST) < 0 ? AT_LEAST : left;
  }

  /**
   * True once the deadline has passed.
   *
   * @return whether the deadline has passed
   */
  public boolean expired() {
    return deadlineNanos - System.nanoTime() <= 0;
  }

  @Override
  public String toString() {
    return "Attempt{" + number + ", headers=" + headers.keySet() + ", timeLeft=" + timeLeft() + "}";
  }
}
