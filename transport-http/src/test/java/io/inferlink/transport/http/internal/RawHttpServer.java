package io.inferlink.transport.http.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A deliberately dumb HTTP/1.1 server on a raw socket (127.0.0.1, ephemeral port, daemon threads):
 * it records the exact bytes of each request and lets a test answer with any bytes at all, or not at
 * all. Keep-alive: requests on one connection are handled in turn until the client closes.
 */
final class RawHttpServer implements AutoCloseable {
  /** What the test does with one request. */
  interface Handler {
    void handle(Request request, Conn conn) throws Exception;
  }

  /** One parsed request, with the raw head as received. */
  record Request(String head, String requestLine, Map<String, List<String>> headers, byte[] body, int connection) {
    String header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null ? null : v.get(0);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** The connection a request came on. */
  static final class Conn {
    final Socket socket;
    final OutputStream out;
    final InputStream in;

    Conn(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.in = socket.getInputStream();
    }

    void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    void reply(int status, String contentType, byte[] body) throws IOException {
      write("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n");
      out.write(body);
      out.flush();
    }

    void reply(int status, String contentType, String body) throws IOException {
      reply(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Blocks until the client closes the connection (or the timeout passes); true when it did. */
    boolean awaitClientClose(long millis) throws IOException {
      socket.setSoTimeout((int) millis);
      try {
        while (in.read() >= 0) {
          // discard
        }
        return true;
      } catch (SocketTimeoutException e) {
        return false;
      } catch (IOException e) {
        return true; // reset
      }
    }
  }

  private final ServerSocket server;
  private final Handler handler;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  final BlockingQueue<Throwable> handlerErrors = new LinkedBlockingQueue<>();

  RawHttpServer(Handler handler) throws IOException {
    this(handler, null, false);
  }

  RawHttpServer(Handler handler, SSLContext tls, boolean needClientAuth) throws IOException {
    this.handler = handler;
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    if (tls == null) {
      server = new ServerSocket(0, 512, loopback);
    } else {
      SSLServerSocket s = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 512, loopback);
      s.setNeedClientAuth(needClientAuth);
      server = s;
    }
    Thread acceptor = new Thread(this::acceptLoop, "raw-http-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Connections accepted so far. */
  int connections() {
    return connections.get();
  }

  /** Connections open now: accepted and neither closed by the client nor by a handler. */
  int openConnections() {
    return sockets.size();
  }

  Request take() throws InterruptedException {
    Request r = requests.poll(10, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request reached the server within 10 s");
    }
    return r;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        int id = connections.incrementAndGet();
        sockets.add(s);
        Thread t = new Thread(() -> serve(s, id), "raw-http-conn-" + id);
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s, int id) {
    try (s) {
      Conn conn = new Conn(s);
      Request r;
      while ((r = read(conn.in, id)) != null) {
        requests.add(r);
        handler.handle(r, conn);
        if (s.isClosed()) {
          return;
        }
      }
    } catch (Exception e) {
      if (!server.isClosed()) {
        handlerErrors.add(e);
      }
    } finally {
      sockets.remove(s);
    }
  }

  /** Reads one request (head + Content-Length body); null at a clean end of stream. */
  static Request read(InputStream in, int connection) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int c = in.read();
      if (c < 0) {
        if (head.size() == 0) {
          return null;
        }
        throw new IOException("connection closed inside a request head");
      }
      head.write(c);
      matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r\n");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    List<String> length = headers.get("content-length");
    byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length.get(0)));
    return new Request(text, lines[0], headers, body, connection);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
