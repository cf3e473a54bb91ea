package io.inferlink.kserve;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kit.EmulatorObserver;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerObserver;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The kit against {@code kserve-v2+http} and the emulator writing optional members without a value as
 * JSON {@code null}, the way KServe's Python server answers for a model without a version
 * ({@code "model_version": null}, {@code "parameters": null}).
 */
class V2RestExplicitNullsCompatibilityTest extends InferenceClientCompatibilityKit {
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(OipRestFrontend.builder().explicitNulls().build()).build().start();
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
