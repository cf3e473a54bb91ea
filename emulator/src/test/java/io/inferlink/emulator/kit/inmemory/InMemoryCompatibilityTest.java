package io.inferlink.emulator.kit.inmemory;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kit.EmulatorObserver;
import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerObserver;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The kit against the in-memory client with every capability: each gated test takes its "works" branch. */
class InMemoryCompatibilityTest extends InferenceClientCompatibilityKit {
  private static final String SERVER = "kit-full";
  private static Emulator emulator;

  @BeforeAll
  static void startServer() {
    emulator = Emulator.builder().build().start();
    InMemoryProvider.register(SERVER, emulator);
  }

  @AfterAll
  static void stopServer() {
    InMemoryProvider.unregister(SERVER);
    emulator.close();
  }

  @Override
  protected String endpoint() {
    return InMemoryProvider.SCHEME + "://" + SERVER;
  }

  @Override
  protected String expectedProviderName() {
    return InMemoryProvider.NAME;
  }

  @Override
  protected Optional<ServerObserver> observer() {
    return Optional.of(EmulatorObserver.of(emulator));
  }
}
