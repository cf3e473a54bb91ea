package io.inferlink.testcontainers;

import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * How the test process reaches a server's ports. With host networking the server listens on 127.0.0.1 at
 * its chosen ports; in bridge mode Docker publishes each container port on a host port of the Docker host.
 *
 * @param hostNetwork whether the container shares the host's network
 * @param listen the ports the server listens on
 * @param mappedPort bridge mode: the host port Docker published for a container port
 * @param dockerHost bridge mode: the host that publishes them (Testcontainers' {@code getHost()})
 */
record Reach(boolean hostNetwork, ListenPorts listen, IntUnaryOperator mappedPort, Supplier<String> dockerHost) {
  /** The address every host-network server is reached on. */
  static final String LOOPBACK = "127.0.0.1";
  /**
   * What a server binds on the bridge network: every interface of the container's own network namespace,
   * which only the published ports reach.
   */
  static final String ANY_ADDRESS = "0.0.0.0";

  /** The address a server is told to bind: loopback under host networking, else the container's every interface. */
  static String bindAddress(boolean hostNetwork) {
    return hostNetwork ? LOOPBACK : ANY_ADDRESS;
  }

  Reach {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(mappedPort, "mappedPort");
    Objects.requireNonNull(dockerHost, "dockerHost");
  }

  /** The host to connect to. */
  String host() {
    return hostNetwork ? LOOPBACK : dockerHost.get();
  }

  /** The port to connect to for the server port of that name. */
  int port(String portName) {
    int listening = listen.port(portName);
    return hostNetwork ? listening : mappedPort.applyAsInt(listening);
  }

  /** The URL of a path on one of the server's HTTP ports. */
  String httpUrl(String portName, String path) {
    return EndpointForm.of("http", portName).format(host(), this::port) + path;
  }

  /** The endpoint string of one form. */
  String endpoint(EndpointForm form) {
    return form.format(host(), this::port);
  }

  /** The endpoint strings of every form, in order. */
  List<String> endpoints(List<EndpointForm> forms) {
    return forms.stream().map(this::endpoint).toList();
  }
}
