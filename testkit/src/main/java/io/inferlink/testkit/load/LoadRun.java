package io.inferlink.testkit.load;

import io.inferlink.InferenceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Sustained load on a client: {@code calls} asynchronous calls with at most {@code inFlight} of them
 * running at once (a new one starts as soon as one ends), scripted events run when a given call is
 * about to start, and a {@link LoadReport} at the end. Events are tied to call numbers rather than to
 * clock time, so a run on a slow machine still has the same share of its calls before, during and after
 * each event. An event runs on the thread that starts the calls, between two calls, so it should be
 * quick (killing or overloading an emulator is). Not thread-safe to configure; {@link #run} may be
 * called once per instance.
 *
 * <pre>
 * AttemptCounter attempts = new AttemptCounter();   // added to the client's attemptInterceptor
 * LoadReport report = LoadRun.of(2_000, 32)
 *     .at(500, replica::kill).at(1_200, replica::restart)
 *     .run(i -&gt; client.inferAsync(request), attempts);
 * </pre>
 */
public final class LoadRun {
  /** How long a run may take at most before it gives up waiting for its calls. */
  public static final Duration DEFAULT_MAX_TIME = Duration.ofMinutes(2);

  private final int calls;
  private final int inFlight;
  private final Map<Integer, List<Runnable>> events = new TreeMap<>();
  private Duration maxTime = DEFAULT_MAX_TIME;

  private LoadRun(int calls, int inFlight) {
    if (calls < 1) {
      throw new IllegalArgumentException("calls must be at least 1, got " + calls);
    }
    if (inFlight < 1) {
      throw new IllegalArgumentException("inFlight must be at least 1, got " + inFlight);
    }
    this.calls = calls;
    this.inFlight = inFlight;
  }

  /**
   * A run of {@code calls} calls, {@code inFlight} at a time.
   *
   * @param calls how many calls to make in all; at least 1
   * @param inFlight how many calls may run at once; at least 1
   * @return a new run without events, with {@link #DEFAULT_MAX_TIME}
   * @throws IllegalArgumentException when either count is below 1
   */
  public static LoadRun of(int calls, int inFlight) {
    return new LoadRun(calls, inFlight);
  }

  /**
   * Runs {@code event} just before call number {@code call} (0-based) starts; several events of one call
   * run in the order they were added.
   *
   * @param call the number of the call the event precedes, 0 to {@code calls - 1}
   * @param event what to do, on the thread that starts the calls; should be quick
   * @return this run
   * @throws IllegalArgumentException when {@code call} is out of range
   */
  public LoadRun at(int call, Runnable event) {
    if (call < 0 || call >= calls) {
      throw new IllegalArgumentException("call must be in 0.." + (calls - 1) + ", got " + call);
    }
    events.computeIfAbsent(call, c -> new ArrayList<>()).add(Objects.requireNonNull(event, "event"));
    return this;
  }

  /**
   * How long the whole run may take; {@link #DEFAULT_MAX_TIME} by default.
   *
   * @param time the longest the run may wait for its calls; positive
   * @return this run
   * @throws IllegalArgumentException when {@code time} is null, zero or negative
   */
  public LoadRun maxTime(Duration time) {
    if (time == null || time.isNegative() || time.isZero()) {
      throw new IllegalArgumentException("maxTime must be positive, got " + time);
    }
    this.maxTime = time;
    return this;
  }

  /**
   * Makes the calls ({@code call.apply(i)} starts call {@code i} and returns its future) and reports
   * them, with the attempts {@code attempts} counted meanwhile ({@code null}: not counted, reported as -1).
   *
   * @param call starts call number {@code i} when given {@code i}, and returns its future
   * @param attempts the counter the client's attempts go through, or {@code null} for none
   * @return what the run saw
   * @throws IllegalStateException when calls are still running after the run's maximum time, naming how many
   * @throws InterruptedException when the calling thread is interrupted
   */
  public LoadReport run(IntFunction<? extends CompletableFuture<?>> call, AttemptCounter attempts)
      throws InterruptedException {
    Objects.requireNonNull(call, "call");
    long[] latencies = new long[calls];
    Map<String, AtomicInteger> byCode = new ConcurrentSkipListMap<>();
    Map<String, String> first = new ConcurrentHashMap<>();
    Semaphore slots = new Semaphore(inFlight);
    long attemptsBefore = attempts == null ? 0 : attempts.count();
    long start = System.nanoTime();
    long giveUp = start + maxTime.toNanos();
    for (int i = 0; i < calls; i++) {
      events.getOrDefault(i, List.of()).forEach(Runnable::run);
      if (!slots.tryAcquire(Math.max(0, giveUp - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw stillRunning(inFlight - slots.availablePermits(), i);
      }
      int index = i;
      long began = System.nanoTime();
      CompletableFuture<?> f;
      try {
        f = call.apply(i);
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      f.whenComplete((value, error) -> {
        latencies[index] = System.nanoTime() - began;
        if (error != null) {
          String code = codeOf(error);
          byCode.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
          first.putIfAbsent(code, String.valueOf(unwrap(error).getMessage()));
        }
        slots.release();
      });
    }
    if (!slots.tryAcquire(inFlight, Math.max(0, giveUp - System.nanoTime()), TimeUnit.NANOSECONDS)) {
      throw stillRunning(inFlight - slots.availablePermits(), calls);
    }
    // The semaphore's release/acquire orders every latency write before these reads.
    long elapsed = System.nanoTime() - start;
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    List<Long> sortedList = new ArrayList<>(sorted.length);
    for (long l : sorted) {
      sortedList.add(l);
    }
    Map<String, Integer> failuresByCode = new TreeMap<>();
    byCode.forEach((code, n) -> failuresByCode.put(code, n.get()));
    int failures = failuresByCode.values().stream().mapToInt(Integer::intValue).sum();
    return new LoadReport(calls, attempts == null ? -1 : attempts.count() - attemptsBefore, failures, failuresByCode,
        first, LoadReport.percentile(sortedList, 0.50), LoadReport.percentile(sortedList, 0.99),
        Duration.ofNanos(sorted[sorted.length - 1]), Duration.ofNanos(elapsed));
  }

  private IllegalStateException stillRunning(int running, int started) {
    return new IllegalStateException(running + " calls still running after " + maxTime + " (" + started + " of "
        + calls + " started)");
  }

  private static String codeOf(Throwable error) {
    Throwable e = unwrap(error);
    return e instanceof InferenceException ? ((InferenceException) e).code().name() : e.getClass().getSimpleName();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
