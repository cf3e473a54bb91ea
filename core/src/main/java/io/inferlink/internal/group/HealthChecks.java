package io.inferlink.internal.group;

import io.inferlink.Capability;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Asks every member of a group whether it is ready ({@code serverReadyAsync}) every interval, on one daemon thread
 * of the group's own, and marks it ready or not. A check that has no answer within the interval (at least 1 s, at
 * most 5 s) is cancelled and counts as not ready; a member still being checked is not asked again. Members that cannot answer
 * readiness are never marked. {@link #close()} stops the thread. Thread-safe.
 */
final class HealthChecks implements AutoCloseable {
  private static final Duration SHORTEST_CHECK = Duration.ofSeconds(1);
  private static final Duration LONGEST_CHECK = Duration.ofSeconds(5);
  private static final AtomicInteger GROUPS = new AtomicInteger();

  private final Supplier<List<GroupMember>> members;
  private final long timeoutNanos;
  private final String threadName = "inferlink-health-check-" + GROUPS.incrementAndGet();
  private final ScheduledExecutorService scheduler;
  private final Set<GroupMember> checking = ConcurrentHashMap.newKeySet();

  /** {@code members} is asked each round: a name's members may change. */
  HealthChecks(Supplier<List<GroupMember>> members, Duration interval) {
    this.members = members;
    // A short interval must not make a busy but healthy server look down: a check gets at least a second.
    Duration timeout = interval.compareTo(SHORTEST_CHECK) < 0 ? SHORTEST_CHECK : interval;
    this.timeoutNanos = (timeout.compareTo(LONGEST_CHECK) < 0 ? timeout : LONGEST_CHECK).toNanos();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread t = new Thread(task, threadName);
      t.setDaemon(true); // a client the application forgot to close must not keep the JVM alive
      return t;
    });
    scheduler.scheduleWithFixedDelay(this::checkAll, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The name of the thread the checks run on (tests look for it). */
  String threadName() {
    return threadName;
  }

  private void checkAll() {
    for (GroupMember m : members.get()) {
      if (m.client().capabilities().supports(Capability.SERVER_READY) && checking.add(m)) {
        check(m);
      }
    }
  }

  private void check(GroupMember m) {
    CompletableFuture<Boolean> ready;
    try {
      ready = m.client().serverReadyAsync();
    } catch (RuntimeException e) {
      ready = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Boolean> asked = ready;
    try {
      scheduler.schedule(() -> asked.cancel(true), timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      asked.cancel(true); // closed meanwhile
    }
    asked.whenComplete((isReady, error) -> {
      m.healthChecked(error == null && Boolean.TRUE.equals(isReady));
      checking.remove(m);
    });
  }

  /** Stops the checks; those in flight are left to end (their clients are being closed). */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
