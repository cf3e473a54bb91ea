package io.inferlink.transport.grpc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a plaintext gRPC server that reads the client's HTTP/2 frames as
 * they pass: it counts the client's keep-alive PINGs and the requests it sent whole (DATA frames
 * ending a stream), and can reset the connection once a request has reached the server, as a server
 * that dies while running it would, or reset only the request's stream towards the client (RST_STREAM
 * CANCEL), as a server that shuts down with calls in flight does. Daemon threads; close() stops everything.
 */
final class Http2FrameProxy implements AutoCloseable {
  private static final int PREFACE_LENGTH = 24; // "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
  private static final int DATA = 0x0;
  private static final int RST_STREAM = 0x3;
  private static final int PING = 0x6;
  private static final int CANCEL = 0x8;
  private static final int END_STREAM = 0x1;
  private static final int ACK = 0x1;
  /** grpc-java's flow-control (BDP) pings carry this payload; they are not keep-alive pings. */
  private static final long BDP_PING = 1234;

  private final ServerSocket listener;
  private final int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  final AtomicInteger keepAlivePings = new AtomicInteger();
  final AtomicInteger requestsSent = new AtomicInteger();
  volatile boolean resetAfterRequest;
  /** Answer each whole request with RST_STREAM CANCEL on its stream, to the client only (the server never knows). */
  volatile boolean cancelStreamAfterRequest;
  /** How long a new connection waits before the proxy connects it through (a slow server to reach). */
  volatile java.time.Duration acceptDelay = java.time.Duration.ZERO;

  Http2FrameProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    daemon("proxy-accept", this::acceptLoop);
  }

  int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread.sleep(acceptDelay.toMillis());
        Socket server = new Socket(InetAddress.getByName("127.0.0.1"), targetPort);
        sockets.add(client);
        sockets.add(server);
        daemon("proxy-up", () -> clientToServer(client, server));
        daemon("proxy-down", () -> serverToClient(server, client));
      } catch (IOException | InterruptedException e) {
        return;
      }
    }
  }

  private void clientToServer(Socket client, Socket server) {
    try {
      InputStream in = client.getInputStream();
      OutputStream out = server.getOutputStream();
      out.write(in.readNBytes(PREFACE_LENGTH));
      byte[] head = new byte[9];
      while (in.readNBytes(head, 0, 9) == 9) {
        int length = ((head[0] & 0xFF) << 16) | ((head[1] & 0xFF) << 8) | (head[2] & 0xFF);
        int type = head[3] & 0xFF;
        int flags = head[4] & 0xFF;
        byte[] payload = in.readNBytes(length);
        out.write(head);
        out.write(payload);
        out.flush();
        if (type == PING && (flags & ACK) == 0 && ByteBuffer.wrap(payload).getLong() != BDP_PING) {
          keepAlivePings.incrementAndGet();
        }
        if (type == DATA && (flags & END_STREAM) != 0) {
          requestsSent.incrementAndGet();
          if (cancelStreamAfterRequest) {
            Thread.sleep(100); // the server reads the request first
            int stream = ByteBuffer.wrap(head, 5, 4).getInt() & 0x7FFFFFFF;
            writeFrame(client, ByteBuffer.allocate(13).put(new byte[] {0, 0, 4, RST_STREAM, 0}).putInt(stream)
                .putInt(CANCEL).array());
          }
          if (resetAfterRequest) {
            Thread.sleep(100); // the server reads the request before the connection dies
            reset(client);
            reset(server);
            return;
          }
        }
      }
    } catch (IOException | InterruptedException e) {
      // the connection ended
    } finally {
      close(client);
      close(server);
    }
  }

  /** Frame by frame, so that a frame the proxy adds never lands inside one of the server's. */
  private void serverToClient(Socket server, Socket client) {
    try {
      InputStream in = server.getInputStream();
      byte[] head = new byte[9];
      while (in.readNBytes(head, 0, 9) == 9) {
        int length = ((head[0] & 0xFF) << 16) | ((head[1] & 0xFF) << 8) | (head[2] & 0xFF);
        byte[] frame = new byte[9 + length];
        System.arraycopy(head, 0, frame, 0, 9);
        if (in.readNBytes(frame, 9, length) != length) {
          return;
        }
        writeFrame(client, frame);
      }
    } catch (IOException e) {
      // the connection ended
    } finally {
      close(server);
      close(client);
    }
  }

  private static void writeFrame(Socket to, byte[] frame) throws IOException {
    synchronized (to) {
      to.getOutputStream().write(frame);
      to.getOutputStream().flush();
    }
  }

  private static void reset(Socket s) throws IOException {
    s.setSoLinger(true, 0);
    s.close();
  }

  private void close(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
    sockets.remove(s);
  }

  private static void daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : sockets) {
      close(s);
    }
  }
}
