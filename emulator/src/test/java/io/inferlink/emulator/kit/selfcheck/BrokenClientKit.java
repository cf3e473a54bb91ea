package io.inferlink.emulator.kit.selfcheck;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kit.EmulatorObserver;
import io.inferlink.emulator.kit.inmemory.InMemoryProvider;
import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerObserver;
import java.util.Optional;

/**
 * The kit pointed at whatever endpoint {@link KitCatchesBrokenClientsTest} sets; its name keeps
 * Surefire from running it on its own. Not thread-safe: one launcher run at a time.
 */
class BrokenClientKit extends InferenceClientCompatibilityKit {
  static volatile String endpoint;
  static volatile Emulator emulator;

  @Override
  protected String endpoint() {
    return endpoint;
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
