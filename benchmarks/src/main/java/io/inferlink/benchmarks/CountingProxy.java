package io.inferlink.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on 127.0.0.1 that counts the bytes it carries each way: what a call puts on the wire
 * (HTTP head and body, or HTTP/2 frames), measured rather than computed. Only for measuring: it adds a
 * hop, so throughput is never taken through it. Daemon threads; thread-safe; close to stop.
 */
final class CountingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int target;
  private final AtomicLong up = new AtomicLong();
  private final AtomicLong down = new AtomicLong();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  CountingProxy(int targetPort) throws IOException {
    this.target = targetPort;
    this.listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    daemon(this::acceptLoop, "counting-proxy-accept");
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Bytes from clients to the server so far. */
  long up() {
    return up.get();
  }

  /** Bytes from the server to clients so far. */
  long down() {
    return down.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 5_000);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        open.add(client);
        open.add(server);
        daemon(() -> pump(client, server, up), "counting-proxy-up");
        daemon(() -> pump(server, client, down), "counting-proxy-down");
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void pump(Socket from, Socket to, AtomicLong counter) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        counter.addAndGet(n);
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed: the other pump ends too
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    open.forEach(CountingProxy::closeQuietly);
  }
}
