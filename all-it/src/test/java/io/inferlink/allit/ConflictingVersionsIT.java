package io.inferlink.allit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.Capability;
import io.inferlink.InferenceClient;
import io.inferlink.ModelRef;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shaded jar next to an old protobuf-java and an old Jackson that come first on the class path (see the
 * pom), as in an application that pins them: every protocol still works, because the jar only uses its own
 * relocated copies. The first tests prove the old versions really are the ones loaded, so that the rest
 * cannot pass by accident.
 */
class ConflictingVersionsIT {
  private static EmulatorProcess emulator;

  @BeforeAll
  static void startEmulator() throws Exception {
    emulator = EmulatorProcess.start();
  }

  @AfterAll
  static void stopEmulator() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void theOldProtobufIsTheOneLoaded() {
    // RuntimeVersion, which generated code of protobuf 4.26+ checks at class initialisation, is not in 3.x.
    assertThrows(ClassNotFoundException.class, () -> Class.forName("com.google.protobuf.RuntimeVersion"));
    String source = com.google.protobuf.Message.class.getProtectionDomain().getCodeSource().getLocation().toString();
    assertTrue(source.contains("protobuf-java-" + System.getProperty("old.protobuf.version")), source);
  }

  @Test
  void theOldJacksonIsTheOneLoaded() {
    String version = System.getProperty("old.jackson.version");
    assertEquals(version, com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
    assertEquals(version, com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
  }

  @Test
  void theShadedJarCarriesItsOwnModernCopies() throws Exception {
    Class<?> shadedProtobuf = Class.forName("io.inferlink.shaded.com.google.protobuf.RuntimeVersion");
    Class<?> client = InferenceClient.class;
    assertEquals(client.getProtectionDomain().getCodeSource(), shadedProtobuf.getProtectionDomain().getCodeSource());
  }

  static Stream<String> endpoints() {
    return Stream.of(
        emulator.endpoint("tfserving+http"),
        emulator.endpoint("tfserving+http") + "?request-format=row",
        emulator.endpoint("tfserving+grpc"),
        emulator.endpoint("kserve-v1+http"),
        emulator.endpoint("kserve-v2+http") + "?binary=never",
        emulator.endpoint("kserve-v2+http") + "?binary=always",
        emulator.endpoint("kserve-v2+grpc"),
        emulator.endpoint("ovms+http"),
        emulator.endpoint("ovms+grpc"),
        emulator.endpoint("ovms+http") + "?api=tfs",
        emulator.endpoint("ovms+grpc") + "?api=tfs");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void theDemoCallsWorkOnEveryProtocol(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      assertEquals(IrisCalls.EXPECTED_LABELS, IrisCalls.classify(client));
      assertTrue(client.modelReady(ModelRef.of("classifier")), endpoint);
      if (client.capabilities().supports(Capability.MODEL_METADATA)) { // KServe V1 has no metadata call
        assertEquals("classifier", client.modelMetadata(ModelRef.of("classifier")).name());
      }
    }
  }
}
