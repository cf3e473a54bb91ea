package io.inferlink.credentials.internal;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A token kept until shortly before it expires and refreshed ahead of that, without a thread of its own:
 * the first caller past the refresh point fetches a new token while the others go on with the old one,
 * which is still valid; once no valid token is left, callers wait for the one fetch in flight. Never two
 * fetches at once; callers that waited through a failed fetch get its failure instead of fetching again.
 * A failed early refresh keeps the old token and is tried again after a pause. Thread-safe.
 */
public final class RefreshingToken {
  /** The pause after a failed early refresh, so a failing endpoint is not asked on every attempt. */
  static final long RETRY_PAUSE_NANOS = 1_000_000_000L;

  private final Supplier<TokenOutcome> fetch;
  private final LongSupplier nanoClock;
  private final long skewNanos;
  private final long refreshAheadNanos;
  private final long defaultLifetimeNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Cached current;
  // Guarded by lock; fetches is read without it only to notice that a fetch happened while waiting.
  private volatile long fetches;
  private TokenOutcome lastFailure;

  /** A token, its last usable moment and when to start refreshing it, on the clock of {@code nanoClock}. */
  private static final class Cached {
    final String authorization;
    final long usableUntil;
    final long refreshAt;

    Cached(String authorization, long usableUntil, long refreshAt) {
      this.authorization = authorization;
      this.usableUntil = usableUntil;
      this.refreshAt = refreshAt;
    }
  }

  /**
   * @param fetch asks for a new token; called by one thread at a time
   * @param nanoClock the time, as {@link System#nanoTime()}
   * @param skewNanos a token counts as expired this long before the end of its lifetime
   * @param refreshAheadNanos refreshing starts this long before a token counts as expired
   * @param defaultLifetimeNanos the lifetime of a token whose endpoint did not say
   */
  public RefreshingToken(Supplier<TokenOutcome> fetch, LongSupplier nanoClock, long skewNanos, long refreshAheadNanos,
      long defaultLifetimeNanos) {
    this.fetch = fetch;
    this.nanoClock = nanoClock;
    this.skewNanos = skewNanos;
    this.refreshAheadNanos = refreshAheadNanos;
    this.defaultLifetimeNanos = defaultLifetimeNanos;
  }

  /** The Authorization value of a valid token, fetched first when there is none. */
  public String authorization() {
    Cached c = current;
    long now = nanoClock.getAsLong();
    if (c != null && now - c.refreshAt < 0) {
      return c.authorization;
    }
    if (c != null && now - c.usableUntil < 0) {
      return refreshEarly(c);
    }
    long seen = fetches;
    lock.lock();
    try {
      Cached again = current;
      if (again != null && nanoClock.getAsLong() - again.usableUntil < 0) {
        return again.authorization; // fetched while this caller waited
      }
      if (fetches != seen && lastFailure != null) {
        throw lastFailure.exception(); // waited through a failed fetch: its answer, not a second request
      }
      return fetchNow().authorization;
    } finally {
      lock.unlock();
    }
  }

  /** Past the refresh point with {@code c} still valid: one caller refreshes, the others use {@code c}. */
  private String refreshEarly(Cached c) {
    if (!lock.tryLock()) {
      return c.authorization;
    }
    try {
      Cached again = current;
      if (again != c) {
        if (nanoClock.getAsLong() - again.refreshAt < 0) {
          return again.authorization;
        }
        c = again;
      }
      try {
        return fetchNow().authorization;
      } catch (RuntimeException e) {
        long now = nanoClock.getAsLong();
        long pause = Math.min(RETRY_PAUSE_NANOS, Math.max(0, (c.usableUntil - now) / 2));
        current = new Cached(c.authorization, c.usableUntil, now + pause);
        return c.authorization; // still valid: the failure waits for the next refresh or the expiry
      }
    } finally {
      lock.unlock();
    }
  }

  /** Fetches with the lock held. */
  private Cached fetchNow() {
    fetches++;
    TokenOutcome outcome = fetch.get();
    if (!outcome.ok()) {
      lastFailure = outcome;
      throw outcome.exception();
    }
    lastFailure = null;
    long now = nanoClock.getAsLong();
    long lifetime = outcome.lifetime() != null ? outcome.lifetime().toNanos() : defaultLifetimeNanos;
    // A short-lived token keeps at least half its life, whatever skew and refresh-ahead ask for.
    long usable = Math.max(lifetime / 2, lifetime - skewNanos);
    long ahead = Math.min(refreshAheadNanos, usable / 2);
    Cached c = new Cached(outcome.authorization(), now + usable, now + usable - ahead);
    current = c;
    return c;
  }
}
