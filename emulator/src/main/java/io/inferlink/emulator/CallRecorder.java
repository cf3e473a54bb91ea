package io.inferlink.emulator;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the server side saw, for the compatibility kit: every call's headers and its cancellation,
 * keyed by the value of the {@link KitContract#CALL_ID_HEADER} header. Frontends report here; the kit
 * reads through {@link io.inferlink.emulator.kit.EmulatorObserver}. Memory stays bounded: only the
 * most recent calls (10 000 by default) are kept. Thread-safe.
 */
public final class CallRecorder {
  /** How many call ids are remembered unless told otherwise. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private final Map<String, Entry> calls;
  private final AtomicLong recorded = new AtomicLong();

  /** A recorder that keeps the last {@value #DEFAULT_CAPACITY} calls. */
  public CallRecorder() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * A recorder that keeps the last {@code capacity} calls.
   *
   * @param capacity how many calls to keep; at least 1
   */
  public CallRecorder(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.calls = new LinkedHashMap<>() {
      // CallRecorder.Entry, qualified: inside a Map subclass, javac 25 reads a bare Entry as the inherited Map.Entry.
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, CallRecorder.Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * Records the headers of a call as it arrives (before the model runs); names are lower-cased.
   * Calls without a {@link KitContract#CALL_ID_HEADER} header are only counted. When two calls carry
   * the same id, the first one's headers are kept.
   *
   * @param headers the call's headers, names in any case; the recorder keeps a lower-cased copy
   */
  public void recordHeaders(Map<String, String> headers) {
    recorded.incrementAndGet();
    Map<String, String> lower = new LinkedHashMap<>();
    headers.forEach((k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> a + ", " + b));
    String id = lower.get(KitContract.CALL_ID_HEADER);
    if (id != null) {
      entry(id).headers.complete(Collections.unmodifiableMap(lower));
    }
  }

  /**
   * Records that the server saw the call with this id cancelled by its client.
   *
   * @param callId the value of the call's {@link KitContract#CALL_ID_HEADER} header
   */
  public void recordCancelled(String callId) {
    entry(callId).cancelled.complete(Boolean.TRUE);
  }

  /**
   * Records a call's headers now and its cancellation whenever it happens; the usual first step of a
   * frontend once it has built the {@link ModelCall}.
   *
   * @param call the call to track, as a frontend built it
   */
  public void track(ModelCall call) {
    recordHeaders(call.headers());
    call.callId().ifPresent(id -> {
      entry(id).started.complete(Boolean.TRUE);
      call.onCancel(() -> recordCancelled(id));
    });
  }

  /**
   * How many calls were recorded since this recorder was made, with or without a call id.
   *
   * @return the number of calls recorded
   */
  public long recordedCalls() {
    return recorded.get();
  }

  /**
   * The headers (names lower-cased) of the call with this call id, waiting up to {@code wait} for
   * it to arrive; empty when it did not. {@link Duration#ZERO} asks without waiting.
   *
   * @param callId the value of the call's {@link KitContract#CALL_ID_HEADER} header
   * @param wait how long to wait at most
   * @return the call's headers by lower-case name, or empty when no such call arrived in time
   */
  public Optional<Map<String, String>> headersOfCall(String callId, Duration wait) {
    return Optional.ofNullable(await(entry(callId).headers, wait));
  }

  /**
   * Waits up to {@code wait} until a model call with this call id has started; true when one has.
   *
   * @param callId the value of the call's {@link KitContract#CALL_ID_HEADER} header
   * @param wait how long to wait at most
   * @return true when a model call with that id started, false when the wait ran out
   */
  public boolean awaitModelCall(String callId, Duration wait) {
    return await(entry(callId).started, wait) != null;
  }

  /**
   * Waits up to {@code wait} until the call with this id was seen cancelled by its client; true when it was.
   *
   * @param callId the value of the call's {@link KitContract#CALL_ID_HEADER} header
   * @param wait how long to wait at most
   * @return true when that call was seen cancelled, false when the wait ran out
   */
  public boolean awaitCancelled(String callId, Duration wait) {
    return await(entry(callId).cancelled, wait) != null;
  }

  private Entry entry(String callId) {
    synchronized (calls) {
      return calls.computeIfAbsent(callId, k -> new Entry());
    }
  }

  private static <T> T await(CompletableFuture<T> future, Duration wait) {
    try {
      if (wait.isZero() || wait.isNegative()) {
        return future.getNow(null);
      }
      return future.get(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("recorder futures never fail", e);
    }
  }

  /** One call's record; the futures complete once, which is what waiters wait for. */
  private static final class Entry {
    final CompletableFuture<Map<String, String>> headers = new CompletableFuture<>();
    final CompletableFuture<Boolean> cancelled = new CompletableFuture<>();
    final CompletableFuture<Boolean> started = new CompletableFuture<>();
  }
}
