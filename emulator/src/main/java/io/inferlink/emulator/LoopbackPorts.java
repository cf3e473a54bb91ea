package io.inferlink.emulator;

/** The one check of a chosen port, shared by the HTTP and gRPC servers; stateless. */
final class LoopbackPorts {
  private LoopbackPorts() {}

  static void check(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 0..65535 (0 lets the system pick one)");
    }
  }
}
