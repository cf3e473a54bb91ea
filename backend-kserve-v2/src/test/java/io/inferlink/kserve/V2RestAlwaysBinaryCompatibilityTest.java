package io.inferlink.kserve;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kit.EmulatorObserver;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerObserver;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The kit again with every tensor in the binary tensor data extension, both ways. */
class V2RestAlwaysBinaryCompatibilityTest extends InferenceClientCompatibilityKit {
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new OipRestFrontend()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Override
  protected String endpoint() {
    return emulator.endpoint("kserve-v2+http") + "?binary=always";
  }

  @Override
  protected String expectedProviderName() {
    return "kserve-v2-rest";
  }

  @Override
  protected Optional<ServerObserver> observer() {
    return Optional.of(EmulatorObserver.of(emulator));
  }
}
