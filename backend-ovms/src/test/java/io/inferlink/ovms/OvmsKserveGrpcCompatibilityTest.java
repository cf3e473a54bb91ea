package io.inferlink.ovms;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kit.EmulatorObserver;
import io.inferlink.emulator.ovms.OvmsFrontends;
import io.inferlink.emulator.ovms.OvmsRelease;
import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerObserver;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The portability kit against {@code ovms+grpc}: OVMS's KServe gRPC API, on the emulator's OVMS mode. */
class OvmsKserveGrpcCompatibilityTest extends InferenceClientCompatibilityKit {
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    OvmsFrontends ovms = OvmsFrontends.of(OvmsRelease.V2026_2);
    emulator = Emulator.builder().frontend(ovms.rest()).frontend(ovms.grpc()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Override
  protected String endpoint() {
    return emulator.endpoint("ovms+grpc");
  }

  @Override
  protected String expectedProviderName() {
    return "ovms-grpc";
  }

  @Override
  protected Optional<ServerObserver> observer() {
    return Optional.of(EmulatorObserver.of(emulator));
  }
}
