package io.inferlink.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A standalone emulator can listen on chosen 127.0.0.1 ports; a taken port fails cleanly. */
class EmulatorPortsTest {

  @Test
  void listensOnTheChosenPortsAndEphemeralOnesForTheRest() throws IOException {
    int rest = freePort();
    int grpc = freePort();
    try (Emulator e = Emulator.builder().frontend(new OipRestFrontend()).frontend(new OipGrpcFrontend())
        .port(OipRestFrontend.PROTOCOL, rest).port(OipGrpcFrontend.PROTOCOL, grpc).build().start()) {
      assertEquals(rest, e.port(OipRestFrontend.PROTOCOL));
      assertEquals(grpc, e.port(OipGrpcFrontend.PROTOCOL));
      assertEquals("kserve-v2+http://127.0.0.1:" + rest, e.endpoint("kserve-v2+http"));
    }
    try (Emulator e = Emulator.builder().frontend(new OipRestFrontend()).port(OipRestFrontend.PROTOCOL, 0).build()
        .start()) {
      assertTrue(e.port(OipRestFrontend.PROTOCOL) > 0, "0 stays ephemeral");
    }
  }

  @Test
  void aTakenPortFailsAndClosesWhatHadStarted() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      Emulator e = Emulator.builder().frontend(new OipGrpcFrontend()).frontend(new OipRestFrontend())
          .port(OipRestFrontend.PROTOCOL, taken.getLocalPort()).build();
      UncheckedIOException failure = assertThrows(UncheckedIOException.class, e::start);
      assertTrue(failure.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), failure.getMessage());
      assertFalse(e.isRunning());
      e.close();
    }
  }

  @Test
  void refusesPortsOutOfRangeAndForUnknownProtocols() {
    assertThrows(IllegalArgumentException.class, () -> Emulator.builder().port(OipRestFrontend.PROTOCOL, 70000));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Emulator.builder().frontend(new OipRestFrontend()).port("tfserving-rest", 8501).build());
    assertTrue(e.getMessage().contains("kserve-v2-rest"), e.getMessage());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }
}
