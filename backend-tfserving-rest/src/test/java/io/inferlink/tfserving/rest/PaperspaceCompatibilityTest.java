package io.inferlink.tfserving.rest;

import io.inferlink.ClientOptions;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.TestCertificates;
import io.inferlink.emulator.kit.EmulatorObserver;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerObserver;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The kit against {@code paperspace+https}: a current Gradient deployment is TF Serving behind TLS,
 * here the emulator with a certificate made for the test. (Legacy {@code paperspace://} deployments
 * serve one model each, so the kit's several models cannot live behind one; PaperspaceTest covers them.)
 */
class PaperspaceCompatibilityTest extends InferenceClientCompatibilityKit {
  private static TestCertificates certificates;
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    certificates = TestCertificates.create();
    emulator = Emulator.builder().frontend(TfServingRestFrontend.builder().tls(certificates).build()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Override
  protected String endpoint() {
    return emulator.endpoint("paperspace+https");
  }

  @Override
  protected String expectedProviderName() {
    return "paperspace";
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
