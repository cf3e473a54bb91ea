package io.inferlink.examples.torchserve;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kit.EmulatorObserver;
import io.inferlink.examples.torchserve.emulator.TorchServeFrontend;
import io.inferlink.examples.torchserve.emulator.TorchServeManagementFrontend;
import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerObserver;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The TorchServe template passes the same compatibility kit as Inferlink's own backends. */
class TorchServeCompatibilityTest extends InferenceClientCompatibilityKit {
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().maxLifetime(Duration.ofMinutes(10))
        .frontend(new TorchServeFrontend()).frontend(new TorchServeManagementFrontend()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Override
  protected String endpoint() {
    return emulator.endpoint(TorchServeFrontend.SCHEME) + "?management-port="
        + emulator.port(TorchServeManagementFrontend.PROTOCOL);
  }

  @Override
  protected String expectedProviderName() {
    return "torchserve";
  }

  @Override
  protected Optional<ServerObserver> observer() {
    return Optional.of(EmulatorObserver.of(emulator));
  }
}
