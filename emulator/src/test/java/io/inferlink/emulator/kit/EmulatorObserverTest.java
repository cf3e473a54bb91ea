package io.inferlink.emulator.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.KitContract;
import io.inferlink.emulator.ModelCall;
import io.inferlink.testkit.KitModels;
import io.inferlink.testkit.ServerObserver;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kit sees through {@link EmulatorObserver} exactly what the emulator's recorder recorded. */
class EmulatorObserverTest {

  @Test
  void theKitSeesTheHeadersStartsAndCancellationsTheRecorderRecorded() {
    try (Emulator emulator = Emulator.builder().build().start()) {
      ServerObserver observer = EmulatorObserver.of(emulator);
      assertTrue(observer.headersOfCall("obs-1", Duration.ZERO).isEmpty());
      ModelCall call = ModelCall.builder(emulator.script().resolve(KitContract.IDENTITY, null, null))
          .input(Tensor.ofFloats("x", new float[] {1}, 1))
          .headers(Map.of(KitModels.CALL_ID_HEADER, "obs-1", "X-Seen", "yes")).build();
      emulator.recorder().track(call);
      assertEquals("yes", observer.headersOfCall("obs-1", Duration.ofSeconds(1)).orElseThrow().get("x-seen"));
      assertTrue(observer.awaitModelCall("obs-1", Duration.ZERO));
      assertFalse(observer.awaitCancelled("obs-1", Duration.ZERO));
      call.cancel();
      assertTrue(observer.awaitCancelled("obs-1", Duration.ofSeconds(1)));
    }
  }
}
