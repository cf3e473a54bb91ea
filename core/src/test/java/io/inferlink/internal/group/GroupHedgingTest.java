package io.inferlink.internal.group;

import static io.inferlink.internal.group.TestGroups.options;
import static io.inferlink.internal.group.TestGroups.request;
import static io.inferlink.internal.group.TestGroups.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceResponse;
import io.inferlink.UnavailableException;
import io.inferlink.interceptor.RetryBudget;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A second attempt after the hedge delay, for idempotent calls only: the first answer wins, the loser is cancelled. */
class GroupHedgingTest {
  private static final Duration DELAY = Duration.ofMillis(30);
  private final TestGroups groups = new TestGroups();

  @Test
  void aSlowAnswerIsHedgedOnAnotherMemberAndTheLoserCancelled() {
    try (ClientGroup group = groups.build("fake://slow:1,quick:1", options().hedgeDelay(DELAY).build())) {
      groups.m("slow").hanging();
      groups.m("quick").hanging();
      // Whichever member gets the first attempt hangs; make the other one answer.
      CompletableFuture<InferenceResponse> call = group.inferAsync(request(true));
      FakeMember first = groups.m("slow").attempts.get() == 1 ? groups.m("slow") : groups.m("quick");
      FakeMember second = first == groups.m("slow") ? groups.m("quick") : groups.m("slow");
      second.answering();
      assertEquals(second.name, call.orTimeout(5, TimeUnit.SECONDS).join().modelName());
      assertEquals(1, second.attempts.get());
      assertTrue(first.answers.get(0).isCancelled(), "the slow attempt is cancelled");
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (status(group, first.name).inFlight() != 0 && System.nanoTime() < end) {
        Thread.onSpinWait(); // the cancellation's bookkeeping runs on the thread that completed the call
      }
      assertEquals(0, status(group, first.name).inFlight(), group.members().toString());
      assertEquals(0, status(group, first.name).failures(), "a cancelled loser is not a failure of its server");
    }
  }

  @Test
  void aCallThatIsNotIdempotentIsNeverHedged() throws InterruptedException {
    try (ClientGroup group = groups.build("fake://a:1,b:1", options().hedgeDelay(DELAY).build())) {
      groups.m("a").hanging();
      groups.m("b").hanging();
      CompletableFuture<InferenceResponse> call = group.inferAsync(request(false));
      Thread.sleep(DELAY.toMillis() * 5);
      assertEquals(1, groups.m("a").attempts.get() + groups.m("b").attempts.get(), "it may have run: sent once");
      call.cancel(true);
    }
  }

  @Test
  void anAnswerBeforeTheDelaySendsNoHedge() throws InterruptedException {
    try (ClientGroup group = groups.build("fake://a:1,b:1", options().hedgeDelay(DELAY).build())) {
      group.infer(request(true));
      Thread.sleep(DELAY.toMillis() * 3);
      assertEquals(1, groups.m("a").attempts.get() + groups.m("b").attempts.get());
    }
  }

  @Test
  void whenBothAttemptsFailTheCallFails() {
    try (ClientGroup group = groups.build("fake://a:1,b:1", options().hedgeDelay(DELAY).build())) {
      for (FakeMember m : groups.members.values()) {
        // Each fails, later than the hedge delay: the first is still running when the hedge goes out.
        m.behaviour = a -> CompletableFuture.supplyAsync(() -> {
          throw FakeMember.failure(ErrorCode.UNAVAILABLE, null);
        }, CompletableFuture.delayedExecutor(DELAY.toMillis() * 2, TimeUnit.MILLISECONDS));
      }
      assertThrows(UnavailableException.class, () -> group.infer(request(true)));
      assertEquals(1, groups.m("a").attempts.get());
      assertEquals(1, groups.m("b").attempts.get());
    }
  }

  @Test
  void anEmptyBudgetSendsNoHedge() throws InterruptedException {
    RetryBudget none = new RetryBudget(0, 0, Duration.ofSeconds(10));
    try (ClientGroup group = groups.build("fake://a:1,b:1", options().hedgeDelay(DELAY).retryBudget(none).build())) {
      groups.m("a").hanging();
      groups.m("b").hanging();
      CompletableFuture<InferenceResponse> call = group.inferAsync(request(true));
      Thread.sleep(DELAY.toMillis() * 5);
      assertEquals(1, groups.m("a").attempts.get() + groups.m("b").attempts.get(), "hedges are paid from the budget");
      call.cancel(true);
    }
  }

  @Test
  void cancellingTheCallCancelsBothAttempts() throws InterruptedException {
    try (ClientGroup group = groups.build("fake://a:1,b:1", options().hedgeDelay(DELAY).build())) {
      groups.m("a").hanging();
      groups.m("b").hanging();
      CompletableFuture<InferenceResponse> call = group.inferAsync(request(true));
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (groups.m("a").attempts.get() + groups.m("b").attempts.get() < 2 && System.nanoTime() < end) {
        Thread.sleep(5);
      }
      call.cancel(true);
      assertTrue(groups.m("a").answers.get(0).isCancelled());
      assertTrue(groups.m("b").answers.get(0).isCancelled());
    }
  }
}
