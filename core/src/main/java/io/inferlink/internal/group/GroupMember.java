package io.inferlink.internal.group;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.routing.EndpointState;
import io.inferlink.routing.EndpointStatus;
import io.inferlink.routing.OutlierEjection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * One endpoint of a group: its plain client (no interceptors, no retries: the group's pipeline has them), its
 * tier, and what the group knows of it — calls, failures in a row, ejection, last health check. Thread-safe.
 */
final class GroupMember {
  private final InferenceClient client;
  private final String endpoint;
  private final java.net.InetAddress address;
  private final int tier;
  private final OutlierEjection ejection;
  private final LongSupplier nanoClock;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final LongAdder calls = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private volatile boolean ready = true;
  // Guarded by this.
  private int failuresInARow;
  private int ejectionsInARow;
  private long ejections;
  private long ejectedUntil;
  private boolean ejectedByServer;
  private boolean ejected;

  /** {@code address}: the one address it connects to, for a member of a name with several; else null. */
  GroupMember(InferenceClient client, String endpoint, java.net.InetAddress address, int tier, OutlierEjection ejection,
      LongSupplier nanoClock) {
    this.client = client;
    this.endpoint = endpoint;
    this.address = address;
    this.tier = tier;
    this.ejection = ejection;
    this.nanoClock = nanoClock;
  }

  InferenceClient client() {
    return client;
  }

  int tier() {
    return tier;
  }

  java.net.InetAddress address() {
    return address;
  }

  int inFlight() {
    return inFlight.get();
  }

  /** True when it takes calls now: ready by its last health check and not ejected. */
  boolean available() {
    return ready && !isEjected();
  }

  /**
   * For panic mode (no member available): how long until it is available again by what is known now; 0 for one
   * that is only not ready (a health check may be stale, an ejection is a fact).
   */
  synchronized long nanosUntilBack() {
    return isEjected() ? ejectedUntil - nanoClock.getAsLong() : 0;
  }

  private synchronized boolean isEjected() {
    if (ejected && nanoClock.getAsLong() - ejectedUntil >= 0) {
      ejected = false;
    }
    return ejected;
  }

  /** An attempt goes to this member. */
  void started() {
    calls.increment();
    inFlight.incrementAndGet();
  }

  /** The attempt was cancelled before its outcome: it says nothing of the server. */
  void cancelled() {
    inFlight.decrementAndGet();
  }

  /** The attempt ended; {@code failure} is null after an answer. A cancelled attempt says nothing of the server. */
  void finished(InferenceException failure) {
    inFlight.decrementAndGet();
    if (failure == null) {
      synchronized (this) {
        failuresInARow = 0;
        ejectionsInARow = 0;
      }
      return;
    }
    if (failure.code() == ErrorCode.CANCELLED) {
      return;
    }
    failures.increment();
    if (!meansNotServing(failure)) {
      synchronized (this) {
        failuresInARow = 0; // the server answered: it is serving, the call was wrong
      }
      return;
    }
    Duration wait = failure.retryAfter().orElse(Duration.ZERO);
    synchronized (this) {
      if (wait.compareTo(Duration.ZERO) > 0) {
        // The server said when to come back: believe it at once, whatever the count.
        eject(wait, true);
      } else if (ejection.isEnabled() && ++failuresInARow >= ejection.consecutiveFailures()) {
        eject(ejection.ejectionTime(++ejectionsInARow), false);
      }
    }
  }

  private void eject(Duration time, boolean byServer) {
    long until = nanoClock.getAsLong() + time.toNanos();
    if (isEjected() && until - ejectedUntil <= 0) {
      return; // already out for longer
    }
    if (!isEjected()) {
      ejections++;
    }
    ejected = true;
    ejectedUntil = until;
    ejectedByServer = byServer;
    failuresInARow = 0;
  }

  /**
   * The outcome of a health check. Ready lifts an ejection for failures (the server is back), not one the server
   * asked for with Retry-After (it said when).
   */
  void healthChecked(boolean isReady) {
    ready = isReady;
    if (isReady) {
      synchronized (this) {
        if (ejected && !ejectedByServer) {
          ejected = false;
        }
      }
    }
  }

  /**
   * Failures that say the server is not serving now (down, overloaded, too slow), which eject it; never the
   * caller's errors (bad request, unknown model, credentials), which say nothing of its health.
   */
  static boolean meansNotServing(InferenceException e) {
    switch (e.code()) {
      case UNAVAILABLE: case DEADLINE_EXCEEDED:
        return true;
      case RESOURCE_EXHAUSTED:
        return e.httpStatus() == 429 || e.grpcStatus() == ErrorCode.RESOURCE_EXHAUSTED.grpcCode();
      default:
        return false;
    }
  }

  synchronized EndpointStatus status() {
    EndpointState state = isEjected() ? EndpointState.EJECTED : ready ? EndpointState.HEALTHY : EndpointState.UNHEALTHY;
    return new EndpointStatus(endpoint, tier, state, inFlight.get(), calls.sum(), failures.sum(), ejections);
  }

  @Override
  public String toString() {
    return endpoint;
  }
}
