package io.inferlink.kserve;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kit.EmulatorObserver;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerObserver;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The portability kit against {@code kserve-v2+http} and the emulator's Open Inference Protocol REST mode, binary extension in its automatic mode. */
class V2RestCompatibilityTest extends InferenceClientCompatibilityKit {
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
    return emulator.endpoint("kserve-v2+http");
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
