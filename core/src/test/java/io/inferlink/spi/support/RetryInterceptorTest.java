package io.inferlink.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.InferenceException.Delivery;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceCall.Operation;
import io.inferlink.interceptor.InferenceInterceptor.Chain;
import io.inferlink.interceptor.RetryBudget;
import io.inferlink.interceptor.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Each rule of the retries, on a scripted chain and a fake scheduler that records the waits asked for and runs
 * the next attempt at once: so the waits are asserted exactly and no test sleeps. What reaches the deadline is
 * decided against the call's real time left, with timeouts far from the waits compared to them.
 */
class RetryInterceptorTest {
  private static final RetryPolicy QUICK = new RetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(10), 1.0);

  private final List<Duration> waits = new ArrayList<>();
  private final List<Integer> attempts = new ArrayList<>();
  private final AtomicLong budgetClock = new AtomicLong(1_000_000_000L);

  private RetryInterceptor retries(RetryPolicy policy, RetryBudget budget) {
    return new RetryInterceptor(policy, new RetryBudgetTracker(budget, budgetClock::get), (wait, task) -> {
      waits.add(wait);
      task.run();
    });
  }

  private RetryInterceptor retries(RetryPolicy policy) {
    return retries(policy, RetryBudget.unlimited());
  }

  private static InferenceCall call(Operation operation, Duration timeout) {
    return InferenceCall.builder(operation).provider("p").timeout(timeout).build();
  }

  private static InferenceCall readyCall() {
    return call(Operation.SERVER_READY, Duration.ofSeconds(30));
  }

  /** A chain whose attempt n is answered by {@code answer}; records the attempt numbers it saw. */
  private Chain<String> chain(IntFunction<CompletableFuture<String>> answer) {
    return c -> {
      attempts.add(c.attempt());
      return answer.apply(c.attempt());
    };
  }

  private static InferenceException unavailable(Duration retryAfter) {
    InferenceException.Details d = new InferenceException.Details(ErrorCode.UNAVAILABLE).message("busy").httpStatus(503);
    return Errors.create(retryAfter == null ? d : d.retryAfter(retryAfter));
  }

  private static CompletableFuture<String> failing(InferenceException e) {
    return CompletableFuture.failedFuture(e);
  }

  private static Throwable failureOf(CompletableFuture<?> f) {
    return assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS)).getCause();
  }

  /** A prepared call that only answers where the next attempt goes. */
  private static PreparedCall<String> goingElsewhere(boolean elsewhere) {
    return new PreparedCall<>() {
      @Override
      public CompletableFuture<String> send(Attempt attempt) {
        throw new AssertionError("the chain sends, not this");
      }

      @Override
      public boolean nextAttemptGoesElsewhere() {
        return elsewhere;
      }
    };
  }

  @Test
  void aRetryAfterLongerThanTheBackoffIsWaited() throws Exception {
    InferenceException busy = unavailable(Duration.ofSeconds(2));
    String answer = retries(QUICK).intercept(readyCall(), chain(n -> n == 1 ? failing(busy)
        : CompletableFuture.completedFuture("ok"))).get(10, TimeUnit.SECONDS);
    assertEquals("ok", answer);
    assertEquals(List.of(Duration.ofSeconds(2)), waits);
    assertEquals(List.of(1, 2), attempts);
  }

  @Test
  void aBackoffLongerThanTheRetryAfterWinsWithItsJitter() throws Exception {
    RetryPolicy slow = new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0);
    InferenceException busy = unavailable(Duration.ofMillis(100));
    retries(slow).intercept(readyCall(), chain(n -> n == 1 ? failing(busy) : CompletableFuture.completedFuture("ok")))
        .get(10, TimeUnit.SECONDS);
    Duration wait = waits.get(0);
    assertTrue(wait.compareTo(Duration.ofMillis(500)) >= 0 && wait.compareTo(Duration.ofSeconds(1)) <= 0,
        "jittered backoff in [base/2, base]: " + wait);
  }

  @Test
  void whenTheNextAttemptGoesElsewhereNothingIsWaited() throws Exception {
    InferenceException busy = unavailable(Duration.ofMinutes(5)); // beyond the deadline: would end the call here
    String answer = retries(QUICK).intercept(readyCall(), chain(n -> n == 1 ? failing(busy)
        : CompletableFuture.completedFuture("ok")), goingElsewhere(true)).get(10, TimeUnit.SECONDS);
    assertEquals("ok", answer);
    assertEquals(List.of(Duration.ZERO), waits);
  }

  @Test
  void aRetryAfterPastTheDeadlineEndsTheCallAtOnceWithTheServersFailure() {
    InferenceException busy = unavailable(Duration.ofSeconds(5));
    CompletableFuture<String> f = retries(QUICK).intercept(call(Operation.SERVER_READY, Duration.ofSeconds(1)),
        chain(n -> failing(busy)), goingElsewhere(false));
    assertSame(busy, failureOf(f), "the server's answer, not a deadline error of ours");
    assertEquals(List.of(1), attempts);
    assertTrue(waits.isEmpty(), "no sleeping into the deadline");
  }

  @Test
  void aBackoffPastTheDeadlineIsNotWaitedEither() {
    RetryPolicy slow = new RetryPolicy(3, Duration.ofSeconds(4), Duration.ofSeconds(4), 1.0);
    InferenceException busy = unavailable(null);
    CompletableFuture<String> f = retries(slow).intercept(call(Operation.SERVER_READY, Duration.ofSeconds(1)),
        chain(n -> failing(busy)));
    assertSame(busy, failureOf(f));
    assertEquals(List.of(1), attempts);
  }

  @Test
  void anAttemptThatUsedUpTheDeadlineEndsTheCallWithItsOwnFailure() throws Exception {
    InferenceCall call = call(Operation.SERVER_READY, Duration.ofMillis(1));
    Thread.sleep(5); // the deadline has passed: even a retry without a wait would have no time
    InferenceException late = Errors.create(new InferenceException.Details(ErrorCode.DEADLINE_EXCEEDED)
        .message("no answer in time").delivery(Delivery.OUTCOME_UNKNOWN));
    CompletableFuture<String> f = retries(QUICK).intercept(call, chain(n -> failing(late)), goingElsewhere(true));
    assertSame(late, failureOf(f));
    assertEquals(List.of(1), attempts);
  }

  @Test
  void aRetryThatRunsLateAfterTheDeadlineIsNotSentAndTheServersFailureStands() {
    RetryInterceptor late = new RetryInterceptor(QUICK, new RetryBudgetTracker(RetryBudget.unlimited()), (wait, task) -> {
      try {
        Thread.sleep(300); // a scheduler so busy that the 10 ms wait ends after the 200 ms deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      task.run();
    });
    InferenceException busy = unavailable(null);
    CompletableFuture<String> f = late.intercept(call(Operation.SERVER_READY, Duration.ofMillis(200)),
        chain(n -> failing(busy)));
    assertSame(busy, failureOf(f));
    assertEquals(List.of(1), attempts);
  }

  @Test
  void retriesKeepTheCallsDeadline() throws Exception {
    List<InferenceCall> seen = new ArrayList<>();
    InferenceException busy = unavailable(null);
    InferenceCall first = readyCall();
    retries(QUICK).intercept(first, c -> {
      seen.add(c);
      return seen.size() < 3 ? failing(busy) : CompletableFuture.completedFuture("ok");
    }).get(10, TimeUnit.SECONDS);
    assertEquals(3, seen.size());
    for (InferenceCall c : seen) {
      assertEquals(first.deadline(), c.deadline(), "attempt " + c.attempt());
    }
  }

  @Test
  void theBudgetCountsEachCallOnceAndARefusedRetryEndsTheCallWithTheLastFailure() {
    // No floor, half the calls: the first call alone may not retry; after a second call, one retry fits.
    RetryInterceptor r = retries(QUICK, new RetryBudget(0.5, 0, Duration.ofSeconds(10)));
    InferenceException busy = unavailable(null);
    assertSame(busy, failureOf(r.intercept(readyCall(), chain(n -> failing(busy)))));
    assertEquals(List.of(1), attempts);
    attempts.clear();
    InferenceException again = unavailable(null);
    assertSame(again, failureOf(r.intercept(readyCall(), chain(n -> failing(again)))));
    assertEquals(List.of(1, 2), attempts, "one retry, then the budget is spent");
  }

  @Test
  void theBudgetRefillsAsItsWindowMoves() throws Exception {
    RetryInterceptor r = retries(QUICK, new RetryBudget(0, 1, Duration.ofSeconds(1))); // one retry a second
    InferenceException busy = unavailable(null);
    failureOf(r.intercept(readyCall(), chain(n -> failing(busy))));
    assertEquals(List.of(1, 2), attempts);
    attempts.clear();
    budgetClock.addAndGet(Duration.ofSeconds(2).toNanos());
    String answer = r.intercept(readyCall(), chain(n -> n == 1 ? failing(busy) : CompletableFuture.completedFuture("ok")))
        .get(10, TimeUnit.SECONDS);
    assertEquals("ok", answer);
    assertEquals(List.of(1, 2), attempts);
  }

  @Test
  void aServerThatAskedNotToBeRetriedIsNot() {
    InferenceException refused = Errors.create(RetryAfter.refused().applyTo(
        new InferenceException.Details(ErrorCode.UNAVAILABLE).message("shedding load").grpcStatus(14)));
    assertSame(refused, failureOf(retries(QUICK).intercept(readyCall(), chain(n -> failing(refused)))));
    assertEquals(List.of(1), attempts);
  }

  @Test
  void anOutcomeUnknownIsRetriedOnlyForIdempotentCalls() throws Exception {
    InferenceException reset = Errors.create(new InferenceException.Details(ErrorCode.UNAVAILABLE)
        .message("reset").delivery(Delivery.OUTCOME_UNKNOWN));
    InferenceCall infer = call(Operation.INFER, Duration.ofSeconds(30));
    assertSame(reset, failureOf(retries(QUICK).intercept(infer, chain(n -> failing(reset)))));
    assertEquals(List.of(1), attempts);
    attempts.clear();
    assertEquals("ok", retries(QUICK.retryingWhenOutcomeUnknown()).intercept(infer,
        chain(n -> n == 1 ? failing(reset) : CompletableFuture.completedFuture("ok"))).get(10, TimeUnit.SECONDS));
    attempts.clear();
    assertEquals("ok", retries(QUICK).intercept(readyCall(),
        chain(n -> n == 1 ? failing(reset) : CompletableFuture.completedFuture("ok"))).get(10, TimeUnit.SECONDS));
    assertEquals(List.of(1, 2), attempts, "a readiness call is idempotent");
  }

  @Test
  void afterThePolicysLastAttemptTheLastFailureIsTheCalls() {
    List<InferenceException> thrown = new ArrayList<>();
    CompletableFuture<String> f = retries(QUICK).intercept(readyCall(), chain(n -> {
      InferenceException e = unavailable(null);
      thrown.add(e);
      return failing(e);
    }));
    assertSame(thrown.get(4), failureOf(f));
    assertEquals(List.of(1, 2, 3, 4, 5), attempts);
  }
}
