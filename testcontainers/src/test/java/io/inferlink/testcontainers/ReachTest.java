package io.inferlink.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure mapping from ports to endpoint strings, in both network modes. */
class ReachTest {
  private static final ListenPorts DEFAULTS = ListenPorts.of(ordered("http", 8080, "grpc", 8081));

  private static Map<String, Integer> ordered(String a, int pa, String b, int pb) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put(a, pa);
    ports.put(b, pb);
    return ports;
  }

  @Test
  void bridgeModeNamesTheDockerHostAndTheMappedPorts() {
    Reach reach = new Reach(false, DEFAULTS, port -> port == 8080 ? 49153 : 49154, () -> "docker.example");
    assertEquals("kserve-v2+http://docker.example:49153", reach.endpoint(EndpointForm.of("kserve-v2+http", "http")));
    assertEquals("kserve-v2+grpc://docker.example:49154", reach.endpoint(EndpointForm.of("kserve-v2+grpc", "grpc")));
    assertEquals("http://docker.example:49153/v2/health/ready", reach.httpUrl("http", "/v2/health/ready"));
  }

  @Test
  void hostModeNamesLoopbackAndTheListenPortsAndNeverAsksDocker() {
    Reach reach = new Reach(true, ListenPorts.of(ordered("http", 41001, "grpc", 41002)),
        port -> { throw new AssertionError("asked for a mapped port"); },
        () -> { throw new AssertionError("asked for the Docker host"); });
    assertEquals(List.of("a+http://127.0.0.1:41001", "a+grpc://127.0.0.1:41002"),
        reach.endpoints(List.of(EndpointForm.of("a+http", "http"), EndpointForm.of("a+grpc", "grpc"))));
  }

  @Test
  void aQueryKeepsItsTextAndFillsInPortPlaceholders() {
    Reach reach = new Reach(false, DEFAULTS, port -> port + 1, () -> "h");
    assertEquals("x+http://h:8081?binary=never&half-as-json=true",
        reach.endpoint(new EndpointForm("x+http", "http", "binary=never&half-as-json=true")));
    assertEquals("x+http://h:8081?management-port=8082",
        reach.endpoint(new EndpointForm("x+http", "http", "management-port={grpc}")));
  }

  @Test
  void anIpv6DockerHostIsBracketed() {
    Reach reach = new Reach(false, DEFAULTS, port -> port, () -> "::1");
    assertEquals("x+grpc://[::1]:8081", reach.endpoint(EndpointForm.of("x+grpc", "grpc")));
  }

  @Test
  void anUnknownPortNameIsABug() {
    Reach reach = new Reach(true, DEFAULTS, port -> port, () -> "h");
    assertThrows(IllegalArgumentException.class, () -> reach.port("metrics"));
  }
}
