package io.inferlink.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.Tensor;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallRecorderTest {
  private final CallRecorder recorder = new CallRecorder();

  @Test
  void recordsHeadersUnderTheCallIdWithLowerCaseNames() {
    recorder.recordHeaders(Map.of("X-Inferlink-Kit-Call", "c1", "Authorization", "Bearer t"));
    Map<String, String> headers = recorder.headersOfCall("c1", Duration.ZERO).orElseThrow();
    assertEquals("Bearer t", headers.get("authorization"));
    assertEquals(Optional.empty(), recorder.headersOfCall("c2", Duration.ZERO));
    assertEquals(1, recorder.recordedCalls());
  }

  @Test
  void waitsForACallThatArrivesLater() throws Exception {
    CompletableFuture<Optional<Map<String, String>>> waiting =
        CompletableFuture.supplyAsync(() -> recorder.headersOfCall("late", Duration.ofSeconds(5)));
    Thread.sleep(50);
    recorder.recordHeaders(Map.of(KitContract.CALL_ID_HEADER, "late"));
    assertTrue(waiting.get(5, TimeUnit.SECONDS).isPresent());
  }

  @Test
  void waitingEndsEmptyWhenTheCallNeverComes() {
    long start = System.nanoTime();
    assertFalse(recorder.headersOfCall("never", Duration.ofMillis(100)).isPresent());
    assertFalse(recorder.awaitCancelled("never", Duration.ofMillis(100)));
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(190));
  }

  @Test
  void trackedCallsReportTheirCancellation() {
    ModelCall call = ModelCall.builder(ModelScript.builtins().resolve(KitContract.IDENTITY, null, null))
        .input(Tensor.ofFloats("x", new float[] {1}, 1)).header(KitContract.CALL_ID_HEADER, "c9").build();
    recorder.track(call);
    assertTrue(recorder.headersOfCall("c9", Duration.ZERO).isPresent());
    assertFalse(recorder.awaitCancelled("c9", Duration.ZERO));
    call.cancel();
    assertTrue(recorder.awaitCancelled("c9", Duration.ZERO));
  }

  @Test
  void keepsOnlyTheMostRecentCalls() {
    CallRecorder small = new CallRecorder(3);
    for (int i = 0; i < 5; i++) {
      small.recordHeaders(Map.of(KitContract.CALL_ID_HEADER, "id-" + i));
    }
    assertFalse(small.headersOfCall("id-0", Duration.ZERO).isPresent());
    assertTrue(small.headersOfCall("id-4", Duration.ZERO).isPresent());
    assertEquals(5, small.recordedCalls());
  }

  @Test
  void theFirstCallWithAnIdWins() {
    recorder.recordHeaders(Map.of(KitContract.CALL_ID_HEADER, "same", "x", "1"));
    recorder.recordHeaders(Map.of(KitContract.CALL_ID_HEADER, "same", "x", "2"));
    assertEquals("1", recorder.headersOfCall("same", Duration.ZERO).orElseThrow().get("x"));
  }
}
