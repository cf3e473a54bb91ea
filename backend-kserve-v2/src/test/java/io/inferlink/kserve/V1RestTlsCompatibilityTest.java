package io.inferlink.kserve;

import io.inferlink.ClientOptions;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.TestCertificates;
import io.inferlink.emulator.kit.EmulatorObserver;
import io.inferlink.emulator.kservev1.KServeV1RestFrontend;
import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerObserver;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The portability kit against {@code kserve-v1+https}: the emulator's V1 mode behind a test certificate. */
class V1RestTlsCompatibilityTest extends InferenceClientCompatibilityKit {
  private static TestCertificates certificates;
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    certificates = TestCertificates.create();
    emulator = Emulator.builder().frontend(KServeV1RestFrontend.builder().tls(certificates).build()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Override
  protected String endpoint() {
    return emulator.endpoint("kserve-v1+https");
  }

  @Override
  protected String expectedProviderName() {
    return "kserve-v1-rest";
  }

  @Override
  protected ClientOptions.Builder baseOptions() {
    return ClientOptions.builder().trustCertificatesPem(certificates.caCertificatePem());
  }

  @Override
  protected Optional<ServerObserver> observer() {
    return Optional.of(EmulatorObserver.of(emulator));
  }
}
