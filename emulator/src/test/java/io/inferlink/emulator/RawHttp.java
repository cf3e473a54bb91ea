package io.inferlink.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand over one socket, for tests that must control the bytes and the connection
 * (chunked bodies, keep-alive, hanging up mid-call). Not thread-safe; close it when done.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  /** A parsed response: status, headers with lower-case names, body. */
  public record Response(int status, Map<String, String> headers, String body) {}

  /** Connects to 127.0.0.1:port with a 10 s read timeout. */
  public RawHttp(int port) throws IOException {
    this(new Socket("127.0.0.1", port));
  }

  /** Wraps a connected socket (e.g. a TLS one). */
  public RawHttp(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(10_000);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Sends these bytes as they are. */
  public RawHttp send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends these bytes as they are. */
  public RawHttp send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** A request with a Content-Length body (or none when {@code body} is null). */
  public static String request(String method, String path, String body, String... headerLines) {
    StringBuilder s = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (String h : headerLines) {
      s.append(h).append("\r\n");
    }
    if (body != null) {
      s.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
    }
    return s.append("\r\n").append(body == null ? "" : body).toString();
  }

  /** Reads one response framed by Content-Length. */
  public Response read() throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("connection closed before a response");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(); h != null && !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  /** True when the server closed the connection (the next read gives end of stream) within the timeout. */
  public boolean closedByServer() {
    try {
      return in.read() < 0;
    } catch (IOException e) {
      return true; // reset: closed too
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
