package io.inferlink.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.InferenceException.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading HTTP's {@code Retry-After} and gRPC's pushback, and carrying them on exceptions and their copies. */
class RetryAfterTest {
  /** One minute before the date RFC 9110's examples use. */
  private static final Instant NOW = Instant.parse("1994-11-06T08:48:37Z");

  private static Optional<Duration> http(String value) {
    return RetryAfter.fromHttpHeader(value, NOW).map(r -> r.delay().orElseThrow());
  }

  @Test
  void deltaSecondsAreSeconds() {
    assertEquals(Optional.of(Duration.ofSeconds(120)), http("120"));
    assertEquals(Optional.of(Duration.ZERO), http("0"));
    assertEquals(Optional.of(Duration.ofSeconds(5)), http(" 5 "));
    assertEquals(Optional.of(RetryAfter.LONGEST), http("99999999999999999999999"), "a huge wait is long, not garbage");
  }

  @Test
  void anHttpDateInEachOfItsThreeFormsIsTheTimeUntilThen() {
    Optional<Duration> minute = Optional.of(Duration.ofMinutes(1));
    assertEquals(minute, http("Sun, 06 Nov 1994 08:49:37 GMT"), "IMF-fixdate");
    assertEquals(minute, http("Sunday, 06-Nov-94 08:49:37 GMT"), "obsolete RFC 850");
    assertEquals(minute, http("Sun Nov  6 08:49:37 1994"), "obsolete asctime");
    assertEquals(Optional.of(Duration.ZERO), http("Sun, 06 Nov 1994 08:00:00 GMT"), "a date already past: no wait");
  }

  @Test
  void whatCannotBeReadIsIgnored() {
    for (String bad : new String[] {"", "  ", "-1", "1.5", "soon", "Mon, 06 Nov 1994 08:49:37 GMT", "06 Nov 1994"}) {
      assertEquals(Optional.empty(), http(bad), bad);
    }
    assertEquals(Optional.empty(), RetryAfter.fromHttpHeader(null, NOW));
  }

  @Test
  void aGrpcPushbackIsMillisecondsAndANegativeOrUnreadableOneRefusesRetries() {
    assertEquals(Optional.of(RetryAfter.waiting(Duration.ofMillis(250))), RetryAfter.fromGrpcPushback("250"));
    assertEquals(Optional.of(RetryAfter.waiting(Duration.ZERO)), RetryAfter.fromGrpcPushback("0"));
    assertTrue(RetryAfter.fromGrpcPushback("-1").orElseThrow().isRefused());
    assertTrue(RetryAfter.fromGrpcPushback("later").orElseThrow().isRefused());
    assertEquals(Optional.empty(), RetryAfter.fromGrpcPushback(null));
  }

  @Test
  void onAnExceptionAWaitIsRetryAfterAndARefusalMakesItFinal() {
    InferenceException waiting = HttpStatusTable.toException(503, "busy", "p", RetryAfter.waiting(Duration.ofSeconds(3)));
    assertEquals(Optional.of(Duration.ofSeconds(3)), waiting.retryAfter());
    assertTrue(waiting.isRetryable());
    assertEquals(Optional.empty(), HttpStatusTable.toException(503, "busy", "p").retryAfter());

    InferenceException refused = GrpcStatusTable.toException(14, "shedding", "p", null, null, RetryAfter.refused());
    assertEquals(ErrorCode.UNAVAILABLE, refused.code());
    assertFalse(refused.isRetryable());
    assertTrue(refused.getMessage().contains("asked not to be retried"), refused.getMessage());
    assertEquals(Optional.of(Duration.ofMillis(7)), GrpcStatusTable.toException(8, "slow down", "p", null, null,
        RetryAfter.waiting(Duration.ofMillis(7))).retryAfter());
  }

  @Test
  void aCopyMadeWithRetryHintsKeepsWhatDecidesRetries() {
    InferenceException original = Errors.create(RetryAfter.waiting(Duration.ofSeconds(9)).applyTo(
        new InferenceException.Details(ErrorCode.UNAVAILABLE).message("reset").delivery(Delivery.OUTCOME_UNKNOWN)));
    InferenceException copy = Errors.create(new InferenceException.Details(ErrorCode.UNAVAILABLE).message("wrapped")
        .retryHintsFrom(original));
    assertEquals(Delivery.OUTCOME_UNKNOWN, copy.delivery());
    assertEquals(Optional.of(Duration.ofSeconds(9)), copy.retryAfter());

    InferenceException refused = GrpcStatusTable.toException(14, "no", "p", null, null, RetryAfter.refused());
    assertFalse(Errors.create(new InferenceException.Details(ErrorCode.UNAVAILABLE).retryHintsFrom(refused))
        .isRetryable());
  }
}
