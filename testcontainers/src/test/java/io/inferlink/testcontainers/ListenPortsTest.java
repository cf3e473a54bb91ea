package io.inferlink.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Port choice for host networking: distinct, free, in the names' order. */
class ListenPortsTest {
  @Test
  void freePortsGoToTheNamesInOrder() {
    ListenPorts ports = ListenPorts.free(List.of("http", "grpc", "metrics"), count -> new int[] {40001, 40002, 40003});
    assertEquals(List.of("http", "grpc", "metrics"), List.copyOf(ports.asMap().keySet()));
    assertEquals(40002, ports.port("grpc"));
  }

  @Test
  void aFinderThatRepeatsOrMissesAPortIsRefused() {
    assertThrows(IllegalStateException.class, () -> ListenPorts.free(List.of("a", "b"), count -> new int[] {1, 1}));
    assertThrows(IllegalStateException.class, () -> ListenPorts.free(List.of("a", "b"), count -> new int[] {1}));
  }

  @Test
  void loopbackPortsAreDistinctAndCanBeBoundOnLoopback() throws IOException {
    int[] ports = LoopbackPorts.pick(5);
    assertEquals(5, Arrays.stream(ports).distinct().count(), Arrays.toString(ports));
    for (int port : ports) {
      assertTrue(port > 0, Arrays.toString(ports));
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertEquals(port, socket.getLocalPort());
      }
    }
  }

  @Test
  void bridgeModeKeepsTheGivenPorts() {
    assertEquals(Map.of("http", 8000), ListenPorts.of(Map.of("http", 8000)).asMap());
  }
}
