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
 * The kit over plain JSON ({@code binary=never}) against the emulator writing BYTES outputs as JSON
 * strings of their raw bytes, the way Triton does.
 */
class V2RestRawByteStringsCompatibilityTest extends InferenceClientCompatibilityKit {
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(OipRestFrontend.builder().rawByteStrings().build()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Override
  protected String endpoint() {
    return emulator.endpoint("kserve-v2+http") + "?binary=never";
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
