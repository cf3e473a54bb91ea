package io.inferlink.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.Tensor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelCallTest {
  private final ResolvedModel identity = ModelScript.builtins().resolve(KitContract.IDENTITY, null, null);

  @Test
  void headersAreLowerCasedAndRepeatsJoined() {
    ModelCall call = ModelCall.builder(identity).header("X-Inferlink-Kit-Call", "abc").header("Accept", "a")
        .headers(Map.of("ACCEPT", "b")).build();
    assertEquals(Map.of(KitContract.CALL_ID_HEADER, "abc", "accept", "a, b"), call.headers());
    assertEquals(Optional.of("abc"), call.callId());
  }

  @Test
  void duplicateInputIsInvalidArgument() {
    Tensor x = Tensor.ofFloats("x", new float[] {1}, 1);
    ModelCall.Builder builder = ModelCall.builder(identity).input(x);
    assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(ScriptedFailure.class, () -> builder.input(x)).code());
  }

  @Test
  void cancelRunsListenersOnceAndLateListenersAtOnce() {
    ModelCall call = ModelCall.builder(identity).build();
    AtomicInteger runs = new AtomicInteger();
    call.onCancel(runs::incrementAndGet);
    assertFalse(call.isCancelled());
    call.cancel();
    call.cancel();
    assertEquals(1, runs.get());
    call.onCancel(runs::incrementAndGet);
    assertEquals(2, runs.get());
    assertTrue(call.isCancelled());
  }

  @Test
  void sleepReturnsAfterTheDurationWhenNotCancelled() {
    ModelCall call = ModelCall.builder(identity).build();
    call.sleepUnlessCancelled(Duration.ofMillis(1));
    assertThrows(ScriptedFailure.class, () -> {
      call.cancel();
      call.sleepUnlessCancelled(Duration.ofSeconds(30));
    });
  }

  @Test
  void keepsRequestIdParametersAndRequestedOutputs() {
    ModelCall call = ModelCall.builder(identity).requestId("r-1").parameters(Map.of("k", 1L))
        .requestedOutputs(List.of("a", "a", "b")).build();
    assertEquals("r-1", call.requestId());
    assertEquals(Map.of("k", 1L), call.parameters());
    assertEquals(List.of("a", "b"), call.requestedOutputs());
    assertEquals("1", call.version());
  }
}
