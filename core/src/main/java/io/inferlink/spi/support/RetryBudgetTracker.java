package io.inferlink.spi.support;

import io.inferlink.interceptor.RetryBudget;
import java.util.function.LongSupplier;

/**
 * A client's {@link RetryBudget} at run time: counts calls and retries over a sliding window of ten slots and
 * says whether one more retry fits. One per client, shared by its retries and hedged attempts. Thread-safe; the
 * lock is held for a few array operations per call.
 */
public final class RetryBudgetTracker {
  private static final int SLOTS = 10;

  private final RetryBudget budget;
  private final LongSupplier nanoClock;
  private final long slotNanos;
  private final long[] slotStart = new long[SLOTS];
  private final long[] calls = new long[SLOTS];
  private final long[] retries = new long[SLOTS];
  private final double floor;

  /**
   * A tracker of {@code budget} on the system's monotonic clock.
   *
   * @param budget the budget to enforce; not null
   */
  public RetryBudgetTracker(RetryBudget budget) {
    this(budget, System::nanoTime);
  }

  /** As {@link #RetryBudgetTracker(RetryBudget)} on {@code nanoClock} (tests). */
  RetryBudgetTracker(RetryBudget budget, LongSupplier nanoClock) {
    this.budget = budget;
    this.nanoClock = nanoClock;
    this.slotNanos = Math.max(1, budget.window().toNanos() / SLOTS);
    this.floor = budget.minRetriesPerSecond() * (budget.window().toNanos() / 1e9);
    long now = nanoClock.getAsLong();
    for (int i = 0; i < SLOTS; i++) {
      slotStart[i] = Long.MIN_VALUE;
    }
    slotStart[slot(now)] = start(now);
  }

  /**
   * The budget tracked.
   *
   * @return the budget this tracker enforces
   */
  public RetryBudget budget() {
    return budget;
  }

  /** Counts a call (once per call, not per attempt). */
  public synchronized void recordCall() {
    calls[current()]++;
  }

  /**
   * Takes one retry from the budget if it fits: retries in the window stay within the budget's ratio of the
   * calls plus its floor. False means the retry must not be sent.
   *
   * @return true when the retry may be sent (and was counted), false when it must not
   */
  public synchronized boolean tryAcquireRetry() {
    int now = current();
    long windowCalls = 0;
    long windowRetries = 0;
    for (int i = 0; i < SLOTS; i++) {
      windowCalls += calls[i];
      windowRetries += retries[i];
    }
    if (windowRetries + 1 > budget.ratio() * windowCalls + floor) {
      return false;
    }
    retries[now]++;
    return true;
  }

  /** The index of the slot for now, clearing slots that fell out of the window. */
  private int current() {
    long now = nanoClock.getAsLong();
    long start = start(now);
    for (int i = 0; i < SLOTS; i++) {
      if (slotStart[i] != Long.MIN_VALUE && start - slotStart[i] >= SLOTS * slotNanos) {
        slotStart[i] = Long.MIN_VALUE;
        calls[i] = 0;
        retries[i] = 0;
      }
    }
    int s = slot(now);
    if (slotStart[s] != start) {
      slotStart[s] = start;
      calls[s] = 0;
      retries[s] = 0;
    }
    return s;
  }

  private long start(long nanos) {
    return Math.floorDiv(nanos, slotNanos) * slotNanos;
  }

  private int slot(long nanos) {
    return (int) Math.floorMod(Math.floorDiv(nanos, slotNanos), (long) SLOTS);
  }

  @Override
  public synchronized String toString() {
    return "RetryBudgetTracker{" + budget + "}";
  }
}
