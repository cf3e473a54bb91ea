package io.inferlink.benchmarks.server;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The floor: a raw TCP echo. The client sends a 4-byte little-endian length and that many bytes; the
 * server reads them into a direct buffer and writes them back. No framing beyond that, no copies
 * besides the kernel's. One daemon thread per connection, 127.0.0.1 only. Thread-safe.
 */
final class SocketEchoServer implements AutoCloseable {
  private final ServerSocketChannel listener;

  SocketEchoServer() throws IOException {
    listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    Thread acceptor = new Thread(this::acceptLoop, "bench-socket-echo-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return ((InetSocketAddress) listener.socket().getLocalSocketAddress()).getPort();
  }

  private void acceptLoop() {
    while (listener.isOpen()) {
      try {
        SocketChannel c = listener.accept();
        Thread t = new Thread(() -> serve(c), "bench-socket-echo");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void serve(SocketChannel channel) {
    try (channel) {
      channel.socket().setTcpNoDelay(true);
      ByteBuffer length = ByteBuffer.allocateDirect(4).order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer data = ByteBuffer.allocateDirect(1);
      while (true) {
        length.clear();
        if (!readFully(channel, length)) {
          return;
        }
        int n = length.getInt(0);
        if (data.capacity() < n) {
          data = ByteBuffer.allocateDirect(n);
        }
        data.clear().limit(n);
        if (!readFully(channel, data)) {
          return;
        }
        data.flip();
        while (data.hasRemaining()) {
          channel.write(data);
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  /** Fills the buffer; false at a clean end of stream before the first byte. */
  static boolean readFully(SocketChannel channel, ByteBuffer into) throws IOException {
    boolean first = true;
    while (into.hasRemaining()) {
      if (channel.read(into) < 0) {
        if (first && into.position() == 0) {
          return false;
        }
        throw new EOFException("connection closed mid-message");
      }
      first = false;
    }
    return true;
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
