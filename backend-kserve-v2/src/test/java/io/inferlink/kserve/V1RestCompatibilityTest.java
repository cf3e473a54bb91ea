package io.inferlink.kserve;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kit.EmulatorObserver;
import io.inferlink.emulator.kservev1.KServeV1RestFrontend;
import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerObserver;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The portability kit against {@code kserve-v1+http} and the emulator's KServe V1 REST mode. */
class V1RestCompatibilityTest extends InferenceClientCompatibilityKit {
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new KServeV1RestFrontend()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Override
  protected String endpoint() {
    return emulator.endpoint("kserve-v1+http");
  }

  @Override
  protected String expectedProviderName() {
    return "kserve-v1-rest";
  }

  @Override
  protected Optional<ServerObserver> observer() {
    return Optional.of(EmulatorObserver.of(emulator));
  }
}
