package io.inferlink.testcontainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free TCP ports on 127.0.0.1, for servers that share the host's network. All sockets are held open until
 * every port is chosen, so the ports are distinct; they are closed before the server starts, so another
 * process could take one in between: the server then fails to bind, and the readiness wait reports its log.
 */
final class LoopbackPorts {
  private LoopbackPorts() {}

  /** {@code count} distinct ports that were free on 127.0.0.1 a moment ago. */
  static int[] pick(int count) {
    List<ServerSocket> held = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find free ports on 127.0.0.1", e);
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // A socket that will not close still frees its port when the process ends; nothing to do.
        }
      }
    }
  }
}
