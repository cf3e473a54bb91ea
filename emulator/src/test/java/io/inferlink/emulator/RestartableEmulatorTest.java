package io.inferlink.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Kill and restart: the same ports, a fresh server, connections refused in between. */
class RestartableEmulatorTest {

  @Test
  void aKilledReplicaRefusesConnectionsAndComesBackOnTheSamePorts() throws Exception {
    try (RestartableEmulator replica = RestartableEmulator.start(
        () -> Emulator.builder().frontend(new OipRestFrontend()).frontend(new OipGrpcFrontend()))) {
      String rest = replica.endpoint("kserve-v2+http");
      String grpc = replica.endpoint("kserve-v2+grpc");
      int port = URI.create(rest).getPort();
      Emulator first = replica.current();
      first.overload(Duration.ofSeconds(1));
      assertEquals(503, Http.get(port, "/v2/health/ready").status());

      replica.kill();
      assertFalse(replica.isRunning());
      assertFalse(first.isRunning());
      assertThrows(ConnectException.class, () -> Http.get(port, "/v2/health/ready"));
      assertEquals(rest, replica.endpoint("kserve-v2+http"), "endpoints stay known while the replica is down");

      replica.restart();
      assertTrue(replica.isRunning());
      assertNotSame(first, replica.current());
      assertEquals(rest, replica.current().endpoint("kserve-v2+http"));
      assertEquals(grpc, replica.current().endpoint("kserve-v2+grpc"));
      assertEquals(200, Http.get(port, "/v2/health/ready").status(), "a restarted replica is not overloaded");
    }
  }

  @Test
  void killAndRestartAreIdempotentAndCloseIsFinal() throws IOException {
    RestartableEmulator replica = RestartableEmulator.start(() -> Emulator.builder().frontend(new OipRestFrontend()));
    Emulator first = replica.current();
    replica.restart();
    assertEquals(first, replica.current(), "restarting a running replica does nothing");
    replica.kill();
    replica.kill();
    replica.close();
    assertThrows(IllegalStateException.class, replica::restart);
  }
}
