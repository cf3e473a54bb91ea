package io.inferlink.benchmarks.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal HTTP/1.1 server for the Open Inference Protocol's infer call that answers like an identity
 * model without decoding anything: the request's {@code "inputs"} array is copied byte for byte into
 * the answer's {@code "outputs"} (the two have the same fields), and a binary request's tensor bytes
 * are written back from the request buffer. So JSON costs the server one scan for the array's end, not
 * a parse, and binary costs it nothing but the socket. Every other request gets a small 200 JSON
 * answer. Keep-alive, one daemon thread per connection, 127.0.0.1 only. Thread-safe.
 *
 * <p>Issue 17: a gzip request body ({@code Content-Encoding: gzip}) is inflated first, and the answer is
 * gzip-compressed when the request accepts gzip ({@link GzipEcho}), as Triton does; the server pays for
 * that work as a real one would.
 *
 * <p>JSON inputs are always answered as JSON (even when {@code binary_data_output} asks otherwise,
 * which a real server would honour): turning JSON data into binary would need a parse.
 */
final class HttpEchoServer implements AutoCloseable {
  private static final int MAX_HEAD = 64 * 1024;
  private static final byte[] OUTPUTS_PREFIX =
      "{\"model_name\":\"identity\",\"model_version\":\"1\",\"outputs\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OTHER =
      "{\"name\":\"inferlink-bench-echo\",\"version\":\"1\",\"extensions\":[\"binary_tensor_data\"]}"
          .getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  HttpEchoServer() throws IOException {
    listener = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "bench-http-echo-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "bench-http-echo-" + s.getPort());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
      byte[] body = new byte[64 * 1024];
      while (true) {
        Head head = readHead(in);
        if (head == null) {
          return;
        }
        if (head.contentLength > body.length) {
          body = new byte[head.contentLength];
        }
        readFully(in, body, head.contentLength);
        if (head.gzipBody) {
          body = GzipEcho.inflate(body, head.contentLength, head);
        }
        if (head.acceptsGzip) {
          GzipEcho.replyCompressed(out, head, body);
        } else {
          reply(out, head, body);
        }
        out.flush();
      }
    } catch (IOException | RuntimeException e) {
      // the client went away or sent something we do not speak: drop the connection
    } finally {
      open.remove(socket);
    }
  }

  static void reply(OutputStream out, Head head, byte[] body) throws IOException {
    if (!head.post || !head.path.endsWith("/infer")) {
      writeHead(out, "application/json", OTHER.length, -1);
      out.write(OTHER);
      return;
    }
    int jsonLength = head.headerLength >= 0 ? head.headerLength : head.contentLength;
    int start = JsonArrays.valueStart(body, jsonLength, "\"inputs\"");
    int end = JsonArrays.arrayEnd(body, start, jsonLength);
    int outputsJson = OUTPUTS_PREFIX.length + (end - start) + 1;
    int binary = head.contentLength - jsonLength;
    boolean binaryAnswer = head.headerLength >= 0;
    writeHead(out, binaryAnswer ? "application/octet-stream" : "application/json", outputsJson + binary,
        binaryAnswer ? outputsJson : -1);
    out.write(OUTPUTS_PREFIX);
    out.write(body, start, end - start);
    out.write('}');
    if (binary > 0) {
      out.write(body, jsonLength, binary);
    }
  }

  private static void writeHead(OutputStream out, String contentType, long length, long headerLength)
      throws IOException {
    writeHead(out, contentType, length, headerLength, null);
  }

  static void writeHead(OutputStream out, String contentType, long length, long headerLength, String contentEncoding)
      throws IOException {
    StringBuilder h = new StringBuilder(160).append("HTTP/1.1 200 OK\r\nContent-Type: ").append(contentType)
        .append("\r\nContent-Length: ").append(length).append("\r\n");
    if (contentEncoding != null) {
      h.append("Content-Encoding: ").append(contentEncoding).append("\r\n");
    }
    if (headerLength >= 0) {
      h.append("Inference-Header-Content-Length: ").append(headerLength).append("\r\n");
    }
    out.write(h.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
  }

  /** The request line and the headers we need; null at a clean end of the connection. */
  private static Head readHead(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder(256);
    int state = 0; // how much of CR LF CR LF has been seen
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        if (text.length() == 0) {
          return null;
        }
        throw new EOFException("connection closed inside a request head");
      }
      text.append((char) b);
      if (text.length() > MAX_HEAD) {
        throw new IOException("request head too long");
      }
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1
          : (b == '\r' ? 1 : 0);
    }
    String[] lines = text.toString().split("\r\n");
    String[] requestLine = lines[0].split(" ");
    Head head = new Head(requestLine[0].equals("POST"), requestLine.length > 1 ? requestLine[1] : "/");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      if (name.equals("content-length")) {
        head.contentLength = Integer.parseInt(value);
      } else if (name.equals("inference-header-content-length")) {
        head.headerLength = Integer.parseInt(value);
      } else if (name.equals("content-encoding")) {
        head.gzipBody = value.equalsIgnoreCase("gzip");
        if (!head.gzipBody && !value.equalsIgnoreCase("identity")) {
          throw new IOException("the echo server decodes gzip only, not " + value);
        }
      } else if (name.equals("accept-encoding")) {
        head.acceptsGzip = value.toLowerCase(Locale.ROOT).contains("gzip");
      } else if (name.equals("transfer-encoding")) {
        throw new IOException("chunked requests are not supported by the echo server");
      }
    }
    return head;
  }

  private static void readFully(InputStream in, byte[] into, int length) throws IOException {
    int done = 0;
    while (done < length) {
      int n = in.read(into, done, length - done);
      if (n < 0) {
        throw new EOFException("connection closed inside a request body");
      }
      done += n;
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  static final class Head {
    final boolean post;
    final String path;
    int contentLength;
    int headerLength = -1;
    boolean gzipBody;
    boolean acceptsGzip;

    Head(boolean post, String path) {
      this.post = post;
      this.path = path;
    }
  }
}
