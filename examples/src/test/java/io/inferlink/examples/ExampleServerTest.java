package io.inferlink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.oip.OipRestFrontend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An example starts an emulator only when nothing is configured, and stops what it started. */
class ExampleServerTest {

  @Test
  void withoutAnEndpointTheExampleStartsAnEmulatorOnLoopbackAndStopsIt() {
    Emulator emulator;
    try (ExampleServer server = ExampleServer.fromEnvironment(Map.of(), e -> e.frontend(new OipRestFrontend()))) {
      assertTrue(server.isEmulated());
      emulator = server.emulator();
      assertTrue(emulator.isRunning());
      assertTrue(server.endpoint("kserve-v2+http").startsWith("kserve-v2+http://127.0.0.1:"), server.endpoint("kserve-v2+http"));
    }
    assertFalse(emulator.isRunning(), "close() stops the emulator");
  }

  @Test
  void aConfiguredEndpointIsUsedAsItIsAndNoEmulatorStarts() {
    Map<String, String> environment = Map.of("INFERLINK_ENDPOINT", "kserve-v2+grpc://models.internal:8081",
        "INFERLINK_TIMEOUT", "5s");
    try (ExampleServer server = ExampleServer.fromEnvironment(environment, e -> {
      throw new AssertionError("no emulator may start when a server is configured");
    })) {
      assertFalse(server.isEmulated());
      assertEquals(List.of("kserve-v2+grpc://models.internal:8081"), server.endpoints("kserve-v2+http", "tfserving+http"));
      assertEquals(5, server.options().requestTimeout().toSeconds());
      assertThrows(IllegalStateException.class, server::emulator);
    }
  }
}
