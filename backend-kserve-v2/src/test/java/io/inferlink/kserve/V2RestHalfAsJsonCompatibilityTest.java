package io.inferlink.kserve;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kit.EmulatorObserver;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerGaps;
import io.inferlink.testkit.ServerObserver;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The kit over plain JSON with FP16/BF16 as JSON numbers ({@code binary=never&half-as-json=true})
 * against the emulator taking and answering them so, the way MLServer does.
 */
class V2RestHalfAsJsonCompatibilityTest extends InferenceClientCompatibilityKit {
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(OipRestFrontend.builder().halfAsJson().build()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Override
  protected String endpoint() {
    return emulator.endpoint("kserve-v2+http") + "?binary=never&half-as-json=true";
  }

  @Override
  protected String expectedProviderName() {
    return "kserve-v2-rest";
  }

  @Override
  protected Optional<ServerObserver> observer() {
    return Optional.of(EmulatorObserver.of(emulator));
  }

  /** JSON has no NaN or infinities: the client refuses them before sending. */
  @Override
  protected ServerGaps serverGaps() {
    return ServerGaps.builder().noNonFiniteFloats().build();
  }
}
