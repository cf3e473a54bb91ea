package io.inferlink.spi.support;

import io.inferlink.InferenceException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a server said about calling it again, read in one place for every transport: HTTP's {@code Retry-After}
 * header (delta-seconds or an HTTP-date, RFC 9110 §10.2.3) and gRPC's {@code grpc-retry-pushback-ms} trailer
 * (gRFC A6: milliseconds, where a negative or unreadable value asks the client not to retry at all). Either a
 * wait or a refusal; {@link #applyTo} puts it on an exception's description. Immutable and thread-safe.
 */
public final class RetryAfter {
  /** A longer wait is kept as this: it passes any deadline anyway, and keeps the arithmetic from overflowing. */
  static final Duration LONGEST = Duration.ofDays(365);
  /** The trailer grpc-java servers and proxies send; its value is decimal milliseconds. */
  public static final String GRPC_PUSHBACK_TRAILER = "grpc-retry-pushback-ms";

  private static final RetryAfter REFUSED = new RetryAfter(null);
  /** RFC 9110's three forms of HTTP-date (English names): IMF-fixdate first, then the obsolete RFC 850 and asctime. */
  private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss 'GMT'",
      Locale.US);
  private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
      .appendPattern("EEEE, dd-MMM-").appendValueReduced(ChronoField.YEAR, 2, 2, 1970).appendPattern(" HH:mm:ss 'GMT'")
      .toFormatter(Locale.US);
  private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

  private final Duration wait;

  private RetryAfter(Duration wait) {
    this.wait = wait;
  }

  /**
   * The server asked to wait {@code wait} (not negative; longer than a year is kept as a year).
   *
   * @param wait the wait asked for; not null, not negative
   * @return the server's request to wait
   */
  public static RetryAfter waiting(Duration wait) {
    Objects.requireNonNull(wait, "wait");
    if (wait.isNegative()) {
      throw new IllegalArgumentException("a Retry-After wait must not be negative, got " + wait);
    }
    return new RetryAfter(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
  }

  /**
   * The server asked not to be retried at all (a negative gRPC pushback).
   *
   * @return the shared refusal
   */
  public static RetryAfter refused() {
    return REFUSED;
  }

  /**
   * An HTTP {@code Retry-After} value read at {@code now}: delta-seconds, or an HTTP-date in any of its three
   * forms (a date already past means no wait). Empty for a missing or malformed value: RFC 9110 has a client
   * ignore what it cannot read, so such a header changes nothing.
   *
   * @param value the header's value, or null when absent
   * @param now the time the answer came, for an HTTP-date; not null
   * @return what the header asked for, or empty when it was missing or unreadable
   */
  public static Optional<RetryAfter> fromHttpHeader(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // More digits than a long holds is still "a very long time", not garbage.
      long seconds = v.length() > 12 ? LONGEST.getSeconds() : Long.parseLong(v);
      return Optional.of(waiting(Duration.ofSeconds(Math.min(seconds, LONGEST.getSeconds()))));
    }
    Instant date = httpDate(v);
    if (date == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(Objects.requireNonNull(now, "now"), date);
    return Optional.of(waiting(left.isNegative() ? Duration.ZERO : left));
  }

  /**
   * As {@link #fromHttpHeader(String, Instant)}, read now.
   *
   * @param value the header's value, or null when absent
   * @return what the header asked for, or empty when it was missing or unreadable
   */
  public static Optional<RetryAfter> fromHttpHeader(String value) {
    return fromHttpHeader(value, Instant.now());
  }

  /**
   * A {@code grpc-retry-pushback-ms} trailer's value: a wait of that many milliseconds, or a refusal when it is
   * negative or not a number (gRFC A6). Empty when the trailer was absent ({@code null}).
   *
   * @param value the trailer's value, or null when absent
   * @return a wait or a refusal, or empty when the trailer was absent
   */
  public static Optional<RetryAfter> fromGrpcPushback(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      long millis = Long.parseLong(value.strip());
      return Optional.of(millis < 0 ? REFUSED : waiting(Duration.ofMillis(Math.min(millis, LONGEST.toMillis()))));
    } catch (NumberFormatException e) {
      return Optional.of(REFUSED);
    }
  }

  /**
   * True when the server asked not to be retried.
   *
   * @return whether this is a refusal rather than a wait
   */
  public boolean isRefused() {
    return wait == null;
  }

  /**
   * The wait the server asked for; empty for a refusal.
   *
   * @return the wait, at most a year, or empty for a refusal
   */
  public Optional<Duration> delay() {
    return Optional.ofNullable(wait);
  }

  /**
   * Puts this on a failure's description: {@link InferenceException.Details#retryAfter} or {@code doNotRetry}.
   *
   * @param details the failure's description to update; not null
   * @return {@code details}, updated, for chaining
   */
  public InferenceException.Details applyTo(InferenceException.Details details) {
    return wait == null ? details.doNotRetry() : details.retryAfter(wait);
  }

  private static Instant httpDate(String v) {
    for (DateTimeFormatter f : new DateTimeFormatter[] {IMF_FIXDATE, RFC_850, ASCTIME}) {
      try {
        return LocalDateTime.parse(v, f).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        // try the next form
      } catch (DateTimeException e) {
        return null; // read, but no such date
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return wait == null ? "RetryAfter{refused}" : "RetryAfter{" + wait + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryAfter && Objects.equals(wait, ((RetryAfter) o).wait);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(wait);
  }
}
