package io.inferlink.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmulatorTest {

  @Test
  void givesEachProtocolAPortAndEachSchemeAnEndpoint() throws IOException {
    try (Emulator emulator = Emulator.builder().frontend(new HealthFrontend()).build().start()) {
      int port = emulator.port(HealthFrontend.PROTOCOL);
      assertEquals("kit-health+http://127.0.0.1:" + port, emulator.endpoint(HealthFrontend.SCHEME));
      assertEquals(200, Http.get(port, "/health").status());
      assertEquals(Set.of(HealthFrontend.PROTOCOL), emulator.protocols());
      assertThrows(IllegalArgumentException.class, () -> emulator.port("nope"));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> emulator.endpoint("nope+http"));
      assertTrue(e.getMessage().contains(HealthFrontend.SCHEME), e.getMessage());
    }
  }

  @Test
  void frontendsShareTheRecorderWhichSeesCancellations() throws Exception {
    Emulator emulator = Emulator.builder().frontend(new HealthFrontend()).build().start();
    int port = emulator.port(HealthFrontend.PROTOCOL);
    Thread client = new Thread(() -> {
      try {
        Http.send(port, "GET", "/sleep/30000", null, Map.of(KitContract.CALL_ID_HEADER, "emu-1"));
      } catch (IOException expected) {
        // the server goes away under the call
      }
    });
    client.setDaemon(true);
    client.start();
    assertTrue(emulator.recorder().headersOfCall("emu-1", Duration.ofSeconds(5)).isPresent());
    // Closing interrupts the handler, which the script counts as a cancellation.
    emulator.close();
    assertTrue(emulator.recorder().awaitCancelled("emu-1", Duration.ofSeconds(5)));
  }

  @Test
  void closeStopsEveryServerAndIsIdempotent() throws Exception {
    Emulator emulator = Emulator.builder().frontend(new HealthFrontend()).build().start();
    int port = emulator.port(HealthFrontend.PROTOCOL);
    emulator.close();
    emulator.close();
    assertFalse(emulator.isRunning());
    assertThrows(ConnectException.class, () -> Http.get(port, "/health"));
    assertThrows(IllegalStateException.class, emulator::start);
    assertTrue(HttpLoopbackServerTest.awaitNoThreads("inferlink-emulator-" + HealthFrontend.PROTOCOL));
  }

  @Test
  void aFrontendThatCannotStartClosesTheOthers() throws Exception {
    ProtocolFrontend broken = new ProtocolFrontend() {
      @Override public String protocol() {
        return "broken";
      }

      @Override public Set<String> schemes() {
        return Set.of("broken+http");
      }

      @Override public LoopbackServer create(FrontendContext context) {
        throw new IllegalStateException("cannot start");
      }
    };
    Emulator emulator = Emulator.builder().frontend(new HealthFrontend()).frontend(broken).build();
    assertThrows(IllegalStateException.class, emulator::start);
    assertFalse(emulator.isRunning());
    assertTrue(HttpLoopbackServerTest.awaitNoThreads("inferlink-emulator-" + HealthFrontend.PROTOCOL));
  }

  @Test
  void withoutFrontendsItStillHostsTheScript() {
    try (Emulator emulator = Emulator.builder().build().start()) {
      assertTrue(emulator.isRunning());
      assertTrue(emulator.script().model(KitContract.ADD_ONE).isPresent());
      assertEquals(Emulator.SERVER_NAME, emulator.serverMetadata().name());
    }
  }

  @Test
  void refusesTwoFrontendsOfOneProtocol() {
    assertThrows(IllegalArgumentException.class,
        () -> Emulator.builder().frontend(new HealthFrontend()).frontend(new HealthFrontend()));
  }
}
