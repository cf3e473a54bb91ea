package io.inferlink.internal.group;

import static io.inferlink.internal.group.TestGroups.QUICK_RETRIES;
import static io.inferlink.internal.group.TestGroups.options;
import static io.inferlink.internal.group.TestGroups.request;
import static io.inferlink.internal.group.TestGroups.state;
import static io.inferlink.internal.group.TestGroups.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.InvalidRequestException;
import io.inferlink.UnavailableException;
import io.inferlink.routing.Balancing;
import io.inferlink.routing.EndpointState;
import io.inferlink.routing.OutlierEjection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Balancing, tier order, failover inside a call, outlier ejection and its end, panic mode. */
class GroupRoutingTest {
  private final TestGroups groups = new TestGroups();

  @Test
  void roundRobinSpreadsCallsEvenlyOverTheHostsOfTheEndpoint() {
    try (ClientGroup group = groups.build("fake://a:1,b:1,c:1", options().build())) {
      for (int i = 0; i < 300; i++) {
        group.infer(request());
      }
      for (String host : List.of("a", "b", "c")) {
        assertEquals(100, groups.m(host).attempts.get(), host);
        assertEquals(100, status(group, host).calls(), host);
      }
    }
  }

  @Test
  void leastInFlightSendsCallsAwayFromAReplicaThatHoldsThem() {
    try (ClientGroup group = groups.build("fake://slow:1,quick:1", options().balancing(Balancing.LEAST_IN_FLIGHT).build())) {
      groups.m("slow").hanging();
      List<CompletableFuture<?>> pending = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        pending.add(group.inferAsync(request()));
      }
      // Both are always the two choices: once slow holds one call, quick (none in flight) wins every time.
      assertTrue(groups.m("slow").attempts.get() <= 1, "slow got " + groups.m("slow").attempts.get());
      assertTrue(groups.m("quick").attempts.get() >= 49);
      assertEquals(groups.m("slow").attempts.get(), status(group, "slow").inFlight());
      pending.forEach(f -> f.cancel(true));
    }
  }

  @Test
  void theFallbackTierTakesCallsOnlyWhenNoHostOfTheEndpointCan() {
    ClientGroup group = groups.build("fake://a:1", options().fallbackEndpoints("fake://f:1")
        .retryPolicy(QUICK_RETRIES).outlierEjection(OutlierEjection.disabled()).build());
    try (group) {
      for (int i = 0; i < 10; i++) {
        group.infer(request());
      }
      assertEquals(10, groups.m("a").attempts.get());
      assertEquals(0, groups.m("f").attempts.get(), "the fallback is idle while the primary answers");
      groups.m("a").failing(ErrorCode.UNAVAILABLE);
      assertEquals("f", group.infer(request()).modelName(), "the retry went to the fallback");
      assertEquals(11, groups.m("a").attempts.get(), "the primary was asked first");
      assertEquals(1, status(group, "f").tier());
    }
  }

  @Test
  void aRetryAvoidsTheMembersThisCallAlreadyTried() {
    try (ClientGroup group = groups.build("fake://a:1,b:1", options().fallbackEndpoints("fake://f:1")
        .retryPolicy(QUICK_RETRIES).outlierEjection(OutlierEjection.disabled()).build())) {
      groups.m("a").failing(ErrorCode.UNAVAILABLE);
      groups.m("b").failing(ErrorCode.UNAVAILABLE);
      assertEquals("f", group.infer(request()).modelName());
      assertEquals(1, groups.m("a").attempts.get());
      assertEquals(1, groups.m("b").attempts.get());
    }
  }

  @Test
  void withoutRetriesACallIsOneAttemptOnOneMember() {
    try (ClientGroup group = groups.build("fake://a:1", options().fallbackEndpoints("fake://f:1")
        .outlierEjection(OutlierEjection.disabled()).build())) {
      groups.m("a").failing(ErrorCode.UNAVAILABLE);
      assertThrows(UnavailableException.class, () -> group.infer(request()));
      assertEquals(0, groups.m("f").attempts.get());
    }
  }

  @Test
  void nextAttemptGoesElsewhereWhileAnUntriedMemberIsAvailable() {
    try (ClientGroup group = groups.build("fake://a:1,b:1", options().build())) {
      GroupCall<?> call = (GroupCall<?>) group.prepareInfer(request());
      assertTrue(call.nextAttemptGoesElsewhere());
      call.send(io.inferlink.spi.support.Attempt.of(io.inferlink.interceptor.InferenceCall
          .builder(io.inferlink.interceptor.InferenceCall.Operation.INFER).provider("p").timeout(Duration.ofSeconds(1))
          .build())).join();
      assertTrue(call.nextAttemptGoesElsewhere(), "one left");
      call.send(io.inferlink.spi.support.Attempt.of(io.inferlink.interceptor.InferenceCall
          .builder(io.inferlink.interceptor.InferenceCall.Operation.INFER).provider("p").timeout(Duration.ofSeconds(1))
          .build())).join();
      assertFalse(call.nextAttemptGoesElsewhere(), "both tried");
    }
  }

  @Test
  void consecutiveServerFailuresEjectAMemberUntilItsTimeIsUp() {
    try (ClientGroup group = groups.build("fake://a:1,b:1", options()
        .outlierEjection(OutlierEjection.afterConsecutiveFailures(2, Duration.ofSeconds(10))).build())) {
      groups.m("a").failing(ErrorCode.UNAVAILABLE);
      for (int i = 0; i < 4; i++) {
        try {
          group.infer(request());
        } catch (UnavailableException expected) {
          // a's turns
        }
      }
      assertEquals(2, groups.m("a").attempts.get());
      assertEquals(EndpointState.EJECTED, state(group, "a"));
      assertEquals(1, status(group, "a").ejections());
      for (int i = 0; i < 10; i++) {
        assertEquals("b", group.infer(request()).modelName(), "a is out of rotation");
      }
      groups.m("a").answering();
      groups.advance(Duration.ofSeconds(10));
      assertEquals(EndpointState.HEALTHY, state(group, "a"));
      for (int i = 0; i < 4; i++) {
        group.infer(request());
      }
      assertEquals(4, groups.m("a").attempts.get(), "back in rotation");
    }
  }

  @Test
  void aSecondEjectionInARowLastsTwiceAsLong() {
    try (ClientGroup group = groups.build("fake://a:1,b:1", options()
        .outlierEjection(OutlierEjection.afterConsecutiveFailures(1, Duration.ofSeconds(10))).build())) {
      groups.m("a").failing(ErrorCode.DEADLINE_EXCEEDED);
      callUntilEjected(group, "a");
      groups.advance(Duration.ofSeconds(10));
      callUntilEjected(group, "a");
      groups.advance(Duration.ofSeconds(10));
      assertEquals(EndpointState.EJECTED, state(group, "a"), "20 s this time");
      groups.advance(Duration.ofSeconds(10));
      assertEquals(EndpointState.HEALTHY, state(group, "a"));
      assertEquals(2, status(group, "a").ejections());
    }
  }

  private static void callUntilEjected(ClientGroup group, String host) {
    for (int i = 0; i < 10 && state(group, host) != EndpointState.EJECTED; i++) {
      try {
        group.infer(request());
      } catch (RuntimeException expected) {
        // the failing member's turn
      }
    }
    assertEquals(EndpointState.EJECTED, state(group, host));
  }

  @Test
  void theCallersErrorsNeverEject() {
    try (ClientGroup group = groups.build("fake://a:1,b:1", options()
        .outlierEjection(OutlierEjection.afterConsecutiveFailures(1, Duration.ofSeconds(10))).build())) {
      groups.m("a").failing(ErrorCode.INVALID_ARGUMENT);
      for (int i = 0; i < 6; i++) {
        try {
          group.infer(request());
        } catch (InvalidRequestException expected) {
          // a's turns
        }
      }
      assertEquals(3, groups.m("a").attempts.get());
      assertEquals(EndpointState.HEALTHY, state(group, "a"));
      assertEquals(3, status(group, "a").failures());
    }
  }

  @Test
  void aFailureWithRetryAfterEjectsAtOnceForThatLong() {
    try (ClientGroup group = groups.build("fake://a:1,b:1", options().build())) {
      groups.m("a").failingWithRetryAfter(Duration.ofSeconds(3));
      assertThrows(UnavailableException.class, () -> group.infer(request()));
      assertEquals(EndpointState.EJECTED, state(group, "a"), "one failure is enough when the server says when");
      groups.advance(Duration.ofSeconds(2));
      assertEquals(EndpointState.EJECTED, state(group, "a"));
      groups.advance(Duration.ofSeconds(1));
      assertEquals(EndpointState.HEALTHY, state(group, "a"));
    }
  }

  @Test
  void withEveryMemberEjectedTheOneBackSoonestStillGetsTheCall() {
    try (ClientGroup group = groups.build("fake://a:1,b:1", options().build())) {
      groups.m("a").failingWithRetryAfter(Duration.ofSeconds(30));
      groups.m("b").failingWithRetryAfter(Duration.ofSeconds(5));
      assertThrows(UnavailableException.class, () -> group.infer(request()));
      assertThrows(UnavailableException.class, () -> group.infer(request()));
      assertEquals(EndpointState.EJECTED, state(group, "a"));
      assertEquals(EndpointState.EJECTED, state(group, "b"));
      groups.m("b").answering();
      assertEquals("b", group.infer(request()).modelName(), "panic mode: not refused, sent to b (back first)");
    }
  }

  @Test
  void interceptorsSeeTheGroupsCallOnceAndAttemptInterceptorsEachAttemptWhereverItWent() {
    List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Integer> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.inferlink.interceptor.InferenceInterceptor perCall = new io.inferlink.interceptor.InferenceInterceptor() {
      @Override
      public <T> CompletableFuture<T> intercept(io.inferlink.interceptor.InferenceCall call, Chain<T> chain) {
        calls.add(call.provider() + " " + call.endpoint());
        return chain.proceed(call.withHeader("x-trace", "t1"));
      }
    };
    io.inferlink.interceptor.InferenceInterceptor perAttempt = new io.inferlink.interceptor.InferenceInterceptor() {
      @Override
      public <T> CompletableFuture<T> intercept(io.inferlink.interceptor.InferenceCall call, Chain<T> chain) {
        attempts.add(call.attempt());
        return chain.proceed(call);
      }
    };
    try (ClientGroup group = groups.build("fake://a:1", options().fallbackEndpoints("fake://f:1").retryPolicy(QUICK_RETRIES)
        .interceptor(perCall).attemptInterceptor(perAttempt).build())) {
      groups.m("a").failing(ErrorCode.UNAVAILABLE);
      assertEquals("f", group.infer(request()).modelName());
      assertEquals(List.of("fake-a fake://a:1"), calls, "one call, named after the primary");
      assertEquals(List.of(1, 2), attempts);
      assertEquals("t1", groups.m("a").sent.get(0).headers().get("x-trace"), "per-call headers reach each member");
      assertEquals("t1", groups.m("f").sent.get(0).headers().get("x-trace"));
    }
  }

  @Test
  void aBlockingCallUsesTheMembersOwnBlockingSendAndStillFailsOver() {
    try (ClientGroup group = groups.build("fake://a:1", options().fallbackEndpoints("fake://f:1").build())) {
      group.infer(request());
      assertEquals(1, groups.m("a").blockingAttempts.get(), "no hand-off: the member's transport answers this thread");
      group.inferAsync(request()).join();
      assertEquals(1, groups.m("a").blockingAttempts.get(), "an async call is sent asynchronously");
      groups.m("a").failing(ErrorCode.UNAVAILABLE);
      assertThrows(UnavailableException.class, () -> group.infer(request()));
      assertEquals(1, status(group, "a").failures(), "a blocking failure is recorded too");
      assertEquals(0, status(group, "a").inFlight());
    }
  }
}
