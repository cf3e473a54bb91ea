package io.inferlink.testcontainers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ports a server listens on inside its network namespace, by name ({@code "http"}, {@code "grpc"}...).
 * In bridge mode these are the image's documented defaults (Docker maps them to host ports); with host
 * networking they are free loopback ports chosen just before the container is created. Immutable.
 */
final class ListenPorts {
  private final Map<String, Integer> ports;

  private ListenPorts(Map<String, Integer> ports) {
    this.ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
  }

  /** The given ports as they are (bridge mode: the server's documented defaults). */
  static ListenPorts of(Map<String, Integer> ports) {
    return new ListenPorts(ports);
  }

  /** One distinct free port per name, from {@code finder}, in the names' order (host networking). */
  static ListenPorts free(List<String> names, FreePortFinder finder) {
    int[] chosen = finder.pick(names.size());
    if (chosen.length != names.size()) {
      throw new IllegalStateException("asked for " + names.size() + " free ports, got " + chosen.length);
    }
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (int i = 0; i < chosen.length; i++) {
      if (ports.containsValue(chosen[i])) {
        throw new IllegalStateException("free port " + chosen[i] + " was chosen twice");
      }
      ports.put(names.get(i), chosen[i]);
    }
    return new ListenPorts(ports);
  }

  /** The port of that name; a name the server does not have is a bug in the container class. */
  int port(String name) {
    Integer port = ports.get(name);
    if (port == null) {
      throw new IllegalArgumentException("no port named '" + name + "' (ports: " + ports.keySet() + ")");
    }
    return port;
  }

  /** Every port, by name, in declaration order. */
  Map<String, Integer> asMap() {
    return ports;
  }

  /** Picks free TCP ports; a function so that tests can choose them. */
  @FunctionalInterface
  interface FreePortFinder {
    int[] pick(int count);
  }
}
