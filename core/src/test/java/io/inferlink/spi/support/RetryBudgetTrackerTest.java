package io.inferlink.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.interceptor.RetryBudget;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RetryBudgetTrackerTest {
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);

  private RetryBudgetTracker tracker(double ratio, int floorPerSecond) {
    return new RetryBudgetTracker(new RetryBudget(ratio, floorPerSecond, Duration.ofSeconds(10)), clock::get);
  }

  private static int acquireAll(RetryBudgetTracker t, int tries) {
    int granted = 0;
    for (int i = 0; i < tries; i++) {
      if (t.tryAcquireRetry()) {
        granted++;
      }
    }
    return granted;
  }

  @Test
  void allowsTheRatioOfCallsPlusTheFloor() {
    RetryBudgetTracker t = tracker(0.1, 1); // floor: 1/s over 10 s = 10 retries
    for (int i = 0; i < 1000; i++) {
      t.recordCall();
    }
    assertEquals(100 + 10, acquireAll(t, 500));
  }

  @Test
  void withoutCallsOnlyTheFloorIsAllowed() {
    assertEquals(20, acquireAll(tracker(0.5, 2), 100));
    assertEquals(0, acquireAll(tracker(0.5, 0), 100));
  }

  @Test
  void callsAndRetriesLeaveTheWindow() {
    RetryBudgetTracker t = tracker(0.1, 0);
    for (int i = 0; i < 100; i++) {
      t.recordCall();
    }
    assertEquals(10, acquireAll(t, 50));
    clock.addAndGet(Duration.ofSeconds(5).toNanos());
    assertFalse(t.tryAcquireRetry(), "the window still holds the calls and the retries");
    clock.addAndGet(Duration.ofSeconds(6).toNanos());
    assertFalse(t.tryAcquireRetry(), "calls left the window with the retries: nothing to spend");
    for (int i = 0; i < 20; i++) {
      t.recordCall();
    }
    assertEquals(2, acquireAll(t, 50));
  }

  @Test
  void slotsWrapAroundWithoutMixingOldCounts() {
    RetryBudgetTracker t = tracker(1.0, 0);
    for (int round = 0; round < 25; round++) {
      t.recordCall();
      assertTrue(t.tryAcquireRetry());
      assertFalse(t.tryAcquireRetry(), "one retry per call at ratio 1");
      clock.addAndGet(Duration.ofSeconds(11).toNanos());
    }
  }
}
