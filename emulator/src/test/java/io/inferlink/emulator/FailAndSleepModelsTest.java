package io.inferlink.emulator;

import static io.inferlink.emulator.ScriptCalls.call;
import static io.inferlink.emulator.ScriptCalls.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.Tensor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The built-in models that fail or wait: fail and sleep. */
class FailAndSleepModelsTest {
  private final ModelScript script = ModelScript.builtins();

  @Test
  void failRaisesEveryCodeWithTheScriptedMessage() {
    for (ErrorCode code : ErrorCode.values()) {
      if (code == ErrorCode.OK) {
        continue;
      }
      ScriptedFailure f = assertThrows(ScriptedFailure.class,
          () -> run(script, KitContract.FAIL, Tensor.ofInts("code", new int[] {code.grpcCode()}, 1)));
      assertEquals(code, f.code());
      assertEquals("scripted failure: " + code.name(), f.getMessage());
    }
  }

  @Test
  void failWithOkSucceedsAndUndefinedNumbersAreUnknown() {
    Tensor ok = Tensor.ofInts("code", new int[] {0}, 1);
    assertEquals(List.of(ok), run(script, KitContract.FAIL, ok));
    ScriptedFailure f = assertThrows(ScriptedFailure.class,
        () -> run(script, KitContract.FAIL, Tensor.ofInts("code", new int[] {99}, 1)));
    assertEquals(ErrorCode.UNKNOWN, f.code());
    assertEquals("scripted failure: UNKNOWN", f.getMessage());
  }

  @Test
  void failNeedsExactlyOneInt32() {
    assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(ScriptedFailure.class,
        () -> run(script, KitContract.FAIL, Tensor.ofInts("code", new int[] {5, 5}, 2))).code());
    assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(ScriptedFailure.class,
        () -> run(script, KitContract.FAIL, Tensor.ofLongs("code", new long[] {5}, 1))).code());
  }

  @Test
  void sleepWaitsThenEchoesItsInput() {
    Tensor millis = Tensor.ofLongs("millis", new long[] {50}, 1);
    long start = System.nanoTime();
    assertEquals(List.of(millis), run(script, KitContract.SLEEP, millis));
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(45), "slept too little");
  }

  @Test
  void sleepRefusesWaitsOutsideItsRange() {
    for (long bad : new long[] {-1, KitContract.MAX_SLEEP_MILLIS + 1}) {
      ScriptedFailure f = assertThrows(ScriptedFailure.class,
          () -> run(script, KitContract.SLEEP, Tensor.ofLongs("millis", new long[] {bad}, 1)));
      assertEquals(ErrorCode.INVALID_ARGUMENT, f.code());
    }
  }

  @Test
  void cancellingWakesASleepingCallAndFailsItWithCancelled() throws Exception {
    ModelCall call = call(script, KitContract.SLEEP, Tensor.ofLongs("millis", new long[] {30_000}, 1));
    CompletableFuture<List<Tensor>> running = CompletableFuture.supplyAsync(() -> script.infer(call));
    Thread.sleep(50);
    long start = System.nanoTime();
    call.cancel();
    Throwable failure = assertThrows(Exception.class, () -> running.get(5, TimeUnit.SECONDS)).getCause();
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2_000, "cancellation was slow");
    assertEquals(ErrorCode.CANCELLED, ((ScriptedFailure) failure).code());
  }

  @Test
  void anInterruptCountsAsACancellation() throws Exception {
    ModelCall call = call(script, KitContract.SLEEP, Tensor.ofLongs("millis", new long[] {30_000}, 1));
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread sleeper = new Thread(() -> {
      try {
        script.infer(call);
        outcome.complete(null);
      } catch (Throwable t) {
        outcome.complete(t);
      }
    });
    sleeper.setDaemon(true);
    sleeper.start();
    Thread.sleep(50);
    sleeper.interrupt();
    Throwable failure = outcome.get(5, TimeUnit.SECONDS);
    assertEquals(ErrorCode.CANCELLED, ((ScriptedFailure) failure).code());
    assertTrue(call.isCancelled());
  }

  @Test
  void aCancelledCallDoesNotRunAtAll() {
    ModelCall call = call(script, KitContract.IDENTITY, Tensor.ofFloats("x", new float[] {1}, 1));
    call.cancel();
    assertEquals(ErrorCode.CANCELLED, assertThrows(ScriptedFailure.class, () -> script.infer(call)).code());
  }
}
