package io.inferlink.internal.group;

import static io.inferlink.internal.group.TestGroups.options;
import static io.inferlink.internal.group.TestGroups.request;
import static io.inferlink.internal.group.TestGroups.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.routing.EndpointState;
import io.inferlink.routing.OutlierEjection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Readiness checks mark members, calls skip the unready, and the checks' thread ends with the client. */
class GroupHealthCheckTest {
  private static final Duration INTERVAL = Duration.ofMillis(20);
  private final TestGroups groups = new TestGroups();

  private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("not within 8 s: " + what);
      }
      Thread.sleep(5);
    }
  }

  @Test
  void aMemberThatIsNotReadyIsSkippedUntilItIsReadyAgain() throws InterruptedException {
    try (ClientGroup group = groups.build("fake://a:1,b:1", options().healthCheckInterval(INTERVAL).build())) {
      groups.m("a").ready = false;
      waitFor("a marked unhealthy", () -> state(group, "a") == EndpointState.UNHEALTHY);
      int before = groups.m("a").attempts.get();
      for (int i = 0; i < 10; i++) {
        assertEquals("b", group.infer(request()).modelName());
      }
      assertEquals(before, groups.m("a").attempts.get());
      groups.m("a").ready = true;
      waitFor("a healthy again", () -> state(group, "a") == EndpointState.HEALTHY);
      for (int i = 0; i < 4; i++) {
        group.infer(request());
      }
      assertEquals(before + 2, groups.m("a").attempts.get(), "back in rotation");
    }
  }

  @Test
  void aCheckThatFailsMarksTheMemberUnhealthy() throws InterruptedException {
    try (ClientGroup group = groups.build("fake://a:1,b:1", options().healthCheckInterval(INTERVAL).build())) {
      waitFor("checks ran", () -> groups.m("a").readinessChecks.get() > 0);
      assertEquals(EndpointState.HEALTHY, state(group, "a"));
      groups.m("a").readiness = () -> CompletableFuture.failedFuture(FakeMember.failure(ErrorCode.UNAVAILABLE, null));
      waitFor("a marked unhealthy", () -> state(group, "a") == EndpointState.UNHEALTHY);
    }
  }

  @Test
  void aReadyCheckEndsAnEjectionForFailuresButNotOneTheServerAskedFor() throws InterruptedException {
    try (ClientGroup group = groups.build("fake://a:1,b:1", options().healthCheckInterval(INTERVAL)
        .outlierEjection(OutlierEjection.afterConsecutiveFailures(1, Duration.ofMinutes(1))).build())) {
      groups.m("a").failing(ErrorCode.UNAVAILABLE);
      callUntil(group, () -> groups.m("a").attempts.get() == 1);
      groups.m("a").answering();
      waitFor("a back after a ready check", () -> state(group, "a") == EndpointState.HEALTHY);

      groups.m("a").failingWithRetryAfter(Duration.ofMinutes(1));
      callUntil(group, () -> groups.m("a").attempts.get() == 2);
      int checks = groups.m("a").readinessChecks.get();
      waitFor("two more checks", () -> groups.m("a").readinessChecks.get() >= checks + 2);
      assertEquals(EndpointState.EJECTED, state(group, "a"), "the server said when: a ready check does not end it");
    }
  }

  private static void callUntil(ClientGroup group, BooleanSupplier done) {
    for (int i = 0; i < 10 && !done.getAsBoolean(); i++) {
      try {
        group.infer(request());
      } catch (RuntimeException expected) {
        // the failing member's turn
      }
    }
    assertTrue(done.getAsBoolean());
  }

  @Test
  void theChecksRunOnOneDaemonThreadThatEndsWithTheClient() throws InterruptedException {
    ClientGroup group = groups.build("fake://a:1,b:1,c:1", options().healthCheckInterval(INTERVAL).build());
    String name = group.healthCheckThread();
    assertNotNull(name);
    waitFor("checks ran", () -> groups.m("c").readinessChecks.get() >= 2);
    Thread thread = thread(name);
    assertNotNull(thread, "the checks' thread runs");
    assertTrue(thread.isDaemon());
    group.close();
    thread.join(5_000);
    assertFalse(thread.isAlive(), "closing the client stops its checks' thread");
    int checks = groups.m("c").readinessChecks.get();
    Thread.sleep(INTERVAL.toMillis() * 5);
    assertEquals(checks, groups.m("c").readinessChecks.get(), "no check after close");
  }

  @Test
  void checksOffMeansNoThread() {
    try (ClientGroup group = groups.build("fake://a:1,b:1", options().healthCheckInterval(Duration.ZERO).build())) {
      assertNull(group.healthCheckThread());
      group.infer(request());
      assertEquals(0, groups.m("a").readinessChecks.get() + groups.m("b").readinessChecks.get());
    }
  }

  @Test
  void aCheckWithoutAnAnswerWithinASecondIsCancelledAndNotStartedTwice() throws InterruptedException {
    TestGroups slow = new TestGroups();
    try (ClientGroup group = slow.build("fake://a:1", options().fallbackEndpoints("fake://b:1")
        .healthCheckInterval(Duration.ofMillis(100)).build())) {
      slow.m("a").readiness = CompletableFuture::new; // never answers
      waitFor("a marked unhealthy", () -> state(group, "a") == EndpointState.UNHEALTHY);
      waitFor("a second hanging check", () -> slow.m("a").readinessAnswers.size() >= 3);
      var answers = slow.m("a").readinessAnswers;
      assertTrue(answers.get(1).isCancelled(), "cancelled after a second (the interval is shorter)");
      long pending = answers.stream().filter(f -> !f.isDone()).count();
      assertTrue(pending <= 1, pending + " checks of one member in flight at once");
      assertEquals("b", group.infer(request()).modelName());
    }
  }

  private static Thread thread(String name) {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(name)) {
        return t;
      }
    }
    return null;
  }
}
