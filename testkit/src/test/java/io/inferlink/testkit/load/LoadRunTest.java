package io.inferlink.testkit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceInterceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The harness without a server: calls are futures completed on the JDK's delay scheduler. */
class LoadRunTest {

  @Test
  void keepsAtMostInFlightCallsRunningAndCountsEverything() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostRunning = new AtomicInteger();
    AttemptCounter attempts = new AttemptCounter();
    List<Integer> eventsSawStarted = new ArrayList<>();
    AtomicInteger started = new AtomicInteger();
    LoadReport report = LoadRun.of(200, 8)
        .at(50, () -> eventsSawStarted.add(started.get()))
        .run(i -> {
          started.incrementAndGet();
          mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
          // Two attempts for every tenth call, as a retry would send.
          sendThroughCounter(attempts, i % 10 == 0 ? 2 : 1);
          CompletableFuture<String> f = new CompletableFuture<>();
          CompletableFuture.delayedExecutor(2, TimeUnit.MILLISECONDS).execute(() -> {
            running.decrementAndGet();
            if (i % 50 == 7) {
              f.completeExceptionally(new InferenceException(ErrorCode.UNAVAILABLE, "replica down " + i));
            } else {
              f.complete("ok");
            }
          });
          return f;
        }, attempts);

    assertTrue(mostRunning.get() <= 8, "at most 8 in flight, saw " + mostRunning.get());
    assertTrue(mostRunning.get() >= 2, "calls overlap, saw " + mostRunning.get());
    assertEquals(List.of(50), eventsSawStarted, "the event runs just before call 50 starts");
    assertEquals(200, report.calls());
    assertEquals(220, report.attempts());
    assertEquals(4, report.failures());
    assertEquals(Map.of("UNAVAILABLE", 4), report.failuresByCode());
    assertTrue(report.firstFailures().get("UNAVAILABLE").startsWith("replica down 7"), report.firstFailures().toString());
    assertEquals(1.1, report.attemptsPerCall(), 1e-9);
    assertTrue(report.p50().compareTo(Duration.ofMillis(2)) >= 0, report.p50().toString());
    assertTrue(report.p99().compareTo(report.p50()) >= 0 && report.max().compareTo(report.p99()) >= 0);
    String table = LoadReport.table(Map.of("demo", report));
    assertTrue(table.startsWith(LoadReport.header()), table);
    assertTrue(table.contains("demo failures: {UNAVAILABLE=4}"), table);
  }

  @Test
  void aCallThatThrowsCountsAsAFailureAndTheRunHasABound() throws Exception {
    LoadReport report = LoadRun.of(3, 1).run(i -> {
      throw new IllegalStateException("boom");
    }, null);
    assertEquals(3, report.failures());
    assertEquals(-1, report.attempts());
    assertEquals(Map.of("IllegalStateException", 3), report.failuresByCode());

    IllegalStateException stuck = assertThrows(IllegalStateException.class,
        () -> LoadRun.of(3, 2).maxTime(Duration.ofMillis(200)).run(i -> new CompletableFuture<>(), null));
    assertTrue(stuck.getMessage().contains("2 calls still running"), stuck.getMessage());
  }

  @Test
  void refusesNonsense() {
    assertThrows(IllegalArgumentException.class, () -> LoadRun.of(0, 1));
    assertThrows(IllegalArgumentException.class, () -> LoadRun.of(1, 0));
    assertThrows(IllegalArgumentException.class, () -> LoadRun.of(10, 1).at(10, () -> { }));
    assertThrows(IllegalArgumentException.class, () -> LoadRun.of(10, 1).maxTime(Duration.ZERO));
  }

  /** Sends {@code n} attempts through the counter, as a pipeline would. */
  private static void sendThroughCounter(InferenceInterceptor counter, int n) {
    for (int k = 0; k < n; k++) {
      counter.intercept(null, (InferenceCall call) -> CompletableFuture.completedFuture("sent"));
    }
  }
}
